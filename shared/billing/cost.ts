import { inUtcWindow, pricesAt } from '../catalog/prices-at';
import type { ModelPricing, PriceOverride, PriceTier } from '../catalog/types';
import type { CostReason, TokenCounts } from '../openrouter/generation';
import { isZero, mul, normalize, parseDecimal, roundToInteger, shift, toDecimalString, ZERO, type Decimal } from './decimal';

// Cost of one request in integer micro-dollars (1 USD = 1_000_000 µ$), from its billable units and a price list.
//
// Arithmetic is exact: each price string ("0.000003" USD per token) becomes an exact decimal, every line is
// units × rate kept exact, the lines are summed exactly, and the total is rounded ONCE to whole micro-dollars,
// half away from zero (half-up for these non-negative amounts). Each breakdown line also carries its own
// rounded figure for display, so the lines may differ from the total by a micro-dollar or two.
//
// Conditional prices are applied at the request's time (`at`): first the price set in force then, out of the
// model's whole price history (`schedule`: dated price changes and DeepSeek's peak and off-peak hours,
// docs/price-catalog.md), then long-context tiers and OpenRouter's `overrides` (`min_prompt_tokens`, the UTC
// time-of-day window `utc_start`–`utc_end` as HHMM), later overrides winning per rate (docs/openrouter-api.md §8.2).

/** Every billable unit: a record's token counts (one shape, shared/openrouter/generation.ts), of which only the
 * totals are required, and the units priced per request or per image. */
export type CostUsage = Pick<TokenCounts, 'prompt' | 'completion'> & Partial<Omit<TokenCounts, 'prompt' | 'completion'>> & {
  images?: number; // input images, for models priced per image
  requests?: number; // defaults to 1 when the model has a per-request price
};

export type CostComponent =
  | 'input'
  | 'cache_read'
  | 'cache_write_5m'
  | 'cache_write_1h'
  | 'audio_input'
  | 'image_input'
  | 'output'
  | 'reasoning'
  | 'audio_output'
  | 'image_output'
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
  exactMicros?: string; // the unrounded total, exact ("124.5"): tells a sub-micro-dollar cost from a free one
  reason?: CostReason;
  estimated?: boolean; // the figure rests on locally estimated tokens
  tierAbovePromptTokens?: number; // the long-context tier that applied, if any
  /** Cache reads and writes at their own rates instead of the input rate: positive = saved, negative = the
   * writes cost more than they saved. Absent without cache tokens. */
  cacheSavingsMicros?: number;
  breakdown: CostLine[];
}

export interface CostOptions {
  aborted?: boolean; // the stream was cut short: an estimated figure is marked 'partial'
  at?: number; // when the request was made (ms epoch), for time-of-day and dated prices; default now
}

export type RateKey =
  | 'prompt' | 'completion' | 'input_cache_read' | 'input_cache_write' | 'input_cache_write_1h' | 'internal_reasoning'
  | 'audio' | 'audio_output' | 'image_token' | 'image_output';
const RATE_KEYS: readonly RateKey[] = [
  'prompt', 'completion', 'input_cache_read', 'input_cache_write', 'input_cache_write_1h', 'internal_reasoning',
  'audio', 'audio_output', 'image_token', 'image_output',
];

const count = (x: number | undefined): number => (x !== undefined && Number.isFinite(x) && x > 0 ? Math.floor(x) : 0);

// Price strings repeat across requests: each is parsed once. Bounded, so a hostile catalog cannot grow it without end.
const parsed = new Map<string, Decimal | null>();

/** A price string as exact USD, or undefined when absent or not a non-negative number (OpenRouter lists its
 * routers at "-1": variable, i.e. unknown). */
function price(s: string | undefined): Decimal | undefined {
  if (s === undefined) return undefined;
  let d = parsed.get(s);
  if (d === undefined) {
    const p = parseDecimal(s);
    d = p && p.n >= 0n ? p : null;
    if (parsed.size > 20_000) parsed.clear();
    parsed.set(s, d);
  }
  return d ?? undefined;
}

// Sums and products without normalising on every step (that is the costly part of decimal arithmetic); results
// are normalised once, where they are written out.
const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));
const pow10 = (k: number): bigint => POW10[k] ?? 10n ** BigInt(k);
function addRaw(a: Decimal, b: Decimal): Decimal {
  if (a.scale === b.scale) return { n: a.n + b.n, scale: a.scale };
  return a.scale > b.scale ? { n: a.n + b.n * pow10(a.scale - b.scale), scale: a.scale } : { n: a.n * pow10(b.scale - a.scale) + b.n, scale: b.scale };
}
const times = (a: Decimal, k: number): Decimal => ({ n: a.n * BigInt(k), scale: a.scale });
const text = (d: Decimal): string => toDecimalString(normalize(d));

/** Does an override apply to a request of `promptTokens` made at `at`? A window [start, end) may wrap midnight. */
export function overrideApplies(o: PriceOverride, promptTokens: number, at: number): boolean {
  if (o.min_prompt_tokens !== undefined && promptTokens < o.min_prompt_tokens) return false;
  if ((o.utc_start !== undefined || o.utc_end !== undefined) && !inUtcWindow(o.utc_start, o.utc_end, at)) return false;
  return true;
}

/** The rates after long-context tiers and overrides at the request's size and time. */
export function effectiveRates(pricing: ModelPricing, promptTokens: number, at: number): { rates: Partial<Record<RateKey, string>>; tier?: number } {
  const rates: Partial<Record<RateKey, string>> = {};
  for (const k of RATE_KEYS) if (pricing[k] !== undefined) rates[k] = pricing[k];
  let applied: PriceTier | undefined;
  for (const t of pricing.long_context_tiers ?? []) {
    if (promptTokens > t.above_prompt_tokens && (!applied || t.above_prompt_tokens > applied.above_prompt_tokens)) applied = t;
  }
  if (applied) for (const k of RATE_KEYS) if (applied[k as keyof PriceTier] !== undefined) rates[k] = applied[k as keyof PriceTier] as string;
  for (const o of pricing.overrides ?? []) {
    if (!overrideApplies(o, promptTokens, at)) continue;
    for (const k of RATE_KEYS) if (o[k as keyof PriceOverride] !== undefined) rates[k] = o[k as keyof PriceOverride] as string;
  }
  return { rates, tier: applied?.above_prompt_tokens };
}

/** Keys of a price set that are not prices. */
const NOT_PRICES = new Set(['discount', 'overrides', 'long_context_tiers', 'schedule', 'from_date', 'utc_start', 'utc_end']);

/** True when every price the model lists is zero. */
function allPricesZero(pricing: ModelPricing): boolean {
  const keys = Object.keys(pricing).filter((k) => !NOT_PRICES.has(k));
  return keys.every((k) => {
    const d = price(pricing[k as keyof ModelPricing] as string | undefined);
    return d !== undefined && isZero(d);
  });
}

const ONE: Decimal = { n: 1n, scale: 0 };

/** Price one request. See the file comment for the rounding rule and conditional prices. */
export function computeCost(usage: CostUsage | null | undefined, listed: ModelPricing | undefined, opts: CostOptions = {}): CostResult {
  if (!usage) return { reason: 'no-usage', breakdown: [] };
  const at = opts.at ?? Date.now();
  const pricing = listed && pricesAt(listed, at);
  const base = { prompt: price(pricing?.prompt), completion: price(pricing?.completion) };
  if (!pricing || !base.prompt || !base.completion) return { reason: 'no-pricing', breakdown: [] };

  const prompt = count(usage.prompt);
  const completion = count(usage.completion);
  const cacheRead = Math.min(count(usage.cacheRead), prompt);
  const cacheWrite = Math.min(count(usage.cacheWrite), prompt - cacheRead);
  const cacheWrite1h = Math.min(count(usage.cacheWrite1h), cacheWrite);
  const reasoning = Math.min(count(usage.reasoning), completion);

  const { rates, tier } = effectiveRates(pricing, prompt, at);
  const promptRate = price(rates.prompt) ?? base.prompt;
  const completionRate = price(rates.completion) ?? base.completion;
  const readRate = price(rates.input_cache_read) ?? promptRate;
  const write5mRate = price(rates.input_cache_write) ?? promptRate;
  const write1hRate = price(rates.input_cache_write_1h) ?? write5mRate;
  const reasoningRate = price(rates.internal_reasoning);
  const separateReasoning = reasoningRate !== undefined && !isZero(reasoningRate);
  // Audio and image tokens have a line of their own only where the model prices them apart.
  const audioInRate = price(rates.audio);
  const imageInRate = price(rates.image_token);
  const audioOutRate = price(rates.audio_output);
  const imageOutRate = price(rates.image_output);
  let uncached = Math.max(0, prompt - cacheRead - cacheWrite);
  const audioIn = audioInRate ? Math.min(count(usage.audioIn), uncached) : 0;
  uncached -= audioIn;
  const imageIn = imageInRate ? Math.min(count(usage.imageIn), uncached) : 0;
  uncached -= imageIn;
  let output = separateReasoning ? completion - reasoning : completion;
  const audioOut = audioOutRate ? Math.min(count(usage.audioOut), output) : 0;
  output -= audioOut;
  const imageOut = imageOutRate ? Math.min(count(usage.imageOut), output) : 0;
  output -= imageOut;

  const discount = pricing.discount && pricing.discount > 0 && pricing.discount < 1 ? parseDecimal(pricing.discount) : undefined;
  const factor = discount ? addRaw(ONE, { n: -discount.n, scale: discount.scale }) : undefined;
  // USD per unit → µ$ per unit is moving the decimal point six places: the scale goes down by 6.
  const micro = (rateUsd: Decimal): Decimal => {
    const m = rateUsd.scale >= 6 ? { n: rateUsd.n, scale: rateUsd.scale - 6 } : shift(rateUsd, 6);
    return factor ? mul(m, factor) : m;
  };

  const lines: CostLine[] = [];
  const cacheExact: Decimal[] = [];
  let total = ZERO;
  const line = (component: CostComponent, units: number, unit: CostLine['unit'], rateUsd: Decimal, always = false) => {
    if (units <= 0 && !always) return;
    const rateMicros = micro(rateUsd);
    const exact = times(rateMicros, units);
    total = addRaw(total, exact);
    if (component.startsWith('cache_')) cacheExact.push(exact);
    lines.push({
      component,
      units,
      unit,
      rateMicrosPerUnit: text(rateMicros),
      exactMicros: text(exact),
      micros: Number(roundToInteger(exact)),
    });
  };

  line('input', uncached, 'token', promptRate, true);
  line('cache_read', cacheRead, 'token', readRate);
  line('cache_write_5m', cacheWrite - cacheWrite1h, 'token', write5mRate);
  line('cache_write_1h', cacheWrite1h, 'token', write1hRate);
  if (audioInRate) line('audio_input', audioIn, 'token', audioInRate);
  if (imageInRate) line('image_input', imageIn, 'token', imageInRate);
  line('output', output, 'token', completionRate, true);
  if (separateReasoning) line('reasoning', reasoning, 'token', reasoningRate);
  if (audioOutRate) line('audio_output', audioOut, 'token', audioOutRate);
  if (imageOutRate) line('image_output', imageOut, 'token', imageOutRate);
  const perRequest = price(pricing.request);
  if (perRequest && !isZero(perRequest)) line('request', usage.requests === undefined ? 1 : count(usage.requests), 'request', perRequest);
  const perImage = price(pricing.image);
  if (perImage && !isZero(perImage)) line('image', count(usage.images), 'image', perImage);
  const perSearch = price(pricing.web_search);
  if (perSearch && !isZero(perSearch)) line('web_search', count(usage.webSearchRequests), 'search', perSearch);

  const result: CostResult = { micros: Number(roundToInteger(total)), exactMicros: text(total), breakdown: lines };
  if (cacheRead + cacheWrite > 0) {
    // What the cache tokens would have cost as plain input, minus what they cost.
    let saved = times(micro(promptRate), cacheRead + cacheWrite);
    for (const e of cacheExact) saved = addRaw(saved, { n: -e.n, scale: e.scale });
    result.cacheSavingsMicros = Number(roundToInteger(saved));
  }
  if (tier !== undefined) result.tierAbovePromptTokens = tier;
  if (usage.estimated) result.estimated = true;
  if (result.micros === 0 && total.n === 0n && allPricesZero(pricing)) result.reason = 'free';
  else if (usage.estimated && opts.aborted) result.reason = 'partial';
  return result;
}
