import type { ModelPricing, PriceOverride, PriceTier } from '../catalog/types';
import type { CostReason, CostSource } from '../openrouter/generation';
import { add, divRoundHalfUp, isZero, mul, mulInt, parseDecimal, roundToInteger, shift, toDecimalString, ZERO, type Decimal } from './decimal';

// Cost of one request in integer micro-dollars (1 USD = 1_000_000 µ$), from token usage and a price list.
//
// Arithmetic is exact: each price string ("0.000003" USD per token) becomes an exact decimal, every line is
// units × rate kept exact, the lines are summed exactly, and the total is rounded ONCE to whole micro-dollars,
// half away from zero (half-up for these non-negative amounts). Each breakdown line also carries its own
// rounded figure for display, so the lines may differ from the total by a micro-dollar or two.

/** Token counts (TokenCounts fits) plus the per-unit extras some models bill. */
export interface CostUsage {
  prompt: number; // all input tokens, cache reads and writes included
  completion: number; // all output tokens, reasoning included
  cacheRead?: number;
  cacheWrite?: number; // all cache-write tokens, both TTLs
  cacheWrite1h?: number; // the part of cacheWrite written with the 1-hour TTL
  reasoning?: number;
  estimated?: boolean; // counted locally because the upstream never reported usage
  images?: number; // input images, for models priced per image
  webSearchRequests?: number;
  requests?: number; // defaults to 1 when the model has a per-request price
}

export type CostComponent =
  | 'input'
  | 'cache_read'
  | 'cache_write_5m'
  | 'cache_write_1h'
  | 'output'
  | 'reasoning'
  | 'request'
  | 'image'
  | 'web_search';

export interface CostLine {
  component: CostComponent;
  units: number; // tokens, requests, images or searches
  unit: 'token' | 'request' | 'image' | 'search';
  rateMicrosPerUnit: string; // exact decimal, after any discount: "3" for $3/M tokens, "0.075" for $0.075/M
  exactMicros: string; // units × rate, exact
  micros: number; // the line rounded half-up, for display
}

export interface CostResult {
  micros?: number; // absent when the cost is unknown; `reason` says why
  reason?: CostReason;
  estimated?: boolean; // the figure rests on locally estimated tokens
  tierAbovePromptTokens?: number; // the long-context tier that applied, if any
  breakdown: CostLine[];
}

export interface CostOptions {
  variant?: string | readonly string[]; // ":free" (or "free") makes the call cost nothing
  aborted?: boolean; // the stream was cut short: an estimated figure is marked 'partial'
}

type RateKey = 'prompt' | 'completion' | 'input_cache_read' | 'input_cache_write' | 'input_cache_write_1h' | 'internal_reasoning';
const RATE_KEYS: readonly RateKey[] = ['prompt', 'completion', 'input_cache_read', 'input_cache_write', 'input_cache_write_1h', 'internal_reasoning'];

const count = (x: number | undefined): number => (x !== undefined && Number.isFinite(x) && x > 0 ? Math.floor(x) : 0);

/** A price string as exact USD, or undefined when absent or not a non-negative number (OpenRouter lists its
 * routers at "-1": variable, i.e. unknown). */
function price(s: string | undefined): Decimal | undefined {
  if (s === undefined) return undefined;
  const d = parseDecimal(s);
  return d && d.n >= 0n ? d : undefined;
}

function isFreeVariant(variant: CostOptions['variant']): boolean {
  const list = typeof variant === 'string' ? variant.split(':') : (variant ?? []);
  return list.some((v) => v.replace(/^:/, '').toLowerCase() === 'free');
}

/** The six token rates after long-context tiers and OpenRouter `min_prompt_tokens` overrides. */
function effectiveRates(pricing: ModelPricing, promptTokens: number): { rates: Partial<Record<RateKey, string>>; tier?: number } {
  const rates: Partial<Record<RateKey, string>> = {};
  for (const k of RATE_KEYS) if (pricing[k] !== undefined) rates[k] = pricing[k];
  let applied: PriceTier | undefined;
  for (const t of pricing.long_context_tiers ?? []) {
    if (promptTokens > t.above_prompt_tokens && (!applied || t.above_prompt_tokens > applied.above_prompt_tokens)) applied = t;
  }
  if (applied) for (const k of RATE_KEYS) if (applied[k] !== undefined) rates[k] = applied[k];
  for (const o of pricing.overrides ?? ([] as PriceOverride[])) {
    if (o.min_prompt_tokens === undefined || o.utc_start !== undefined || o.utc_end !== undefined) continue;
    if (promptTokens < o.min_prompt_tokens) continue;
    for (const k of RATE_KEYS) if (o[k] !== undefined) rates[k] = o[k];
  }
  return { rates, tier: applied?.above_prompt_tokens };
}

/** True when every price the model lists is zero. */
function allPricesZero(pricing: ModelPricing): boolean {
  const keys = Object.keys(pricing).filter((k) => k !== 'discount' && k !== 'overrides' && k !== 'long_context_tiers');
  return keys.every((k) => {
    const d = price(pricing[k as keyof ModelPricing] as string | undefined);
    return d !== undefined && isZero(d);
  });
}

/** Price one request. See the file comment for the rounding rule. */
export function computeCost(usage: CostUsage | null | undefined, pricing: ModelPricing | undefined, opts: CostOptions = {}): CostResult {
  if (isFreeVariant(opts.variant)) return { micros: 0, reason: 'free', breakdown: [] };
  if (!usage) return { reason: 'no-usage', breakdown: [] };
  const base = { prompt: price(pricing?.prompt), completion: price(pricing?.completion) };
  if (!pricing || !base.prompt || !base.completion) return { reason: 'no-pricing', breakdown: [] };

  const prompt = count(usage.prompt);
  const completion = count(usage.completion);
  const cacheRead = count(usage.cacheRead);
  const cacheWrite = count(usage.cacheWrite);
  const cacheWrite1h = Math.min(count(usage.cacheWrite1h), cacheWrite);
  const reasoning = Math.min(count(usage.reasoning), completion);

  const { rates, tier } = effectiveRates(pricing, prompt);
  const promptRate = price(rates.prompt) ?? base.prompt;
  const completionRate = price(rates.completion) ?? base.completion;
  const readRate = price(rates.input_cache_read) ?? promptRate;
  const write5mRate = price(rates.input_cache_write) ?? promptRate;
  const write1hRate = price(rates.input_cache_write_1h) ?? write5mRate;
  const reasoningRate = price(rates.internal_reasoning);
  const separateReasoning = reasoningRate !== undefined && !isZero(reasoningRate);

  const discount = pricing.discount && pricing.discount > 0 && pricing.discount < 1 ? parseDecimal(pricing.discount) : undefined;
  const factor = discount ? add({ n: 1n, scale: 0 }, { n: -discount.n, scale: discount.scale }) : undefined;

  const lines: CostLine[] = [];
  let total = ZERO;
  const line = (component: CostComponent, units: number, unit: CostLine['unit'], rateUsd: Decimal, always = false) => {
    if (units <= 0 && !always) return;
    const rateMicros = factor ? mul(shift(rateUsd, 6), factor) : shift(rateUsd, 6);
    const exact = mulInt(rateMicros, units);
    total = add(total, exact);
    lines.push({
      component,
      units,
      unit,
      rateMicrosPerUnit: toDecimalString(rateMicros),
      exactMicros: toDecimalString(exact),
      micros: Number(roundToInteger(exact)),
    });
  };

  line('input', Math.max(0, prompt - cacheRead - cacheWrite), 'token', promptRate, true);
  line('cache_read', cacheRead, 'token', readRate);
  line('cache_write_5m', cacheWrite - cacheWrite1h, 'token', write5mRate);
  line('cache_write_1h', cacheWrite1h, 'token', write1hRate);
  line('output', separateReasoning ? completion - reasoning : completion, 'token', completionRate, true);
  if (separateReasoning) line('reasoning', reasoning, 'token', reasoningRate);
  const perRequest = price(pricing.request);
  if (perRequest && !isZero(perRequest)) line('request', usage.requests === undefined ? 1 : count(usage.requests), 'request', perRequest);
  const perImage = price(pricing.image);
  if (perImage && !isZero(perImage)) line('image', count(usage.images), 'image', perImage);
  const perSearch = price(pricing.web_search);
  if (perSearch && !isZero(perSearch)) line('web_search', count(usage.webSearchRequests), 'search', perSearch);

  const result: CostResult = { micros: Number(roundToInteger(total)), breakdown: lines };
  if (tier !== undefined) result.tierAbovePromptTokens = tier;
  if (usage.estimated) result.estimated = true;
  if (result.micros === 0 && allPricesZero(pricing)) result.reason = 'free';
  else if (usage.estimated && opts.aborted) result.reason = 'partial';
  return result;
}

const CENT = 10_000n;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A micro-dollar amount for display: whole cents from one cent up ("$1.23", "$1,234.50", rounded half-up),
 * every significant micro-dollar below that ("$0.000123", "$0.005"). Zero is "$0.00"; non-finite is "—".
 */
export function formatMicros(micros: number): string {
  if (!Number.isFinite(micros)) return '—';
  const neg = micros < 0;
  const abs = BigInt(Math.round(Math.abs(micros)));
  const sign = neg && abs !== 0n ? '-' : '';
  if (abs >= CENT || abs === 0n) {
    const cents = divRoundHalfUp(abs, CENT);
    return `${sign}$${groupThousands((cents / 100n).toString())}.${(cents % 100n).toString().padStart(2, '0')}`;
  }
  const frac = abs.toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}$0.${frac.padEnd(2, '0')}`;
}

/** The figure to show: what the upstream says it charged wins over Parley's own computation. */
export function chooseShownCost(reportedMicros?: number, computedMicros?: number): { costMicros?: number; costSource: CostSource } {
  if (reportedMicros !== undefined && Number.isFinite(reportedMicros)) return { costMicros: Math.round(reportedMicros), costSource: 'upstream' };
  if (computedMicros !== undefined && Number.isFinite(computedMicros)) return { costMicros: Math.round(computedMicros), costSource: 'computed' };
  return { costSource: 'none' };
}

/** USD (a float from an API, e.g. usage.cost 0.000123) → integer micro-dollars, via its decimal text, half-up. */
export function usdToMicros(usd: number): number | undefined {
  const d = parseDecimal(usd);
  return d ? Number(roundToInteger(shift(d, 6))) : undefined;
}
