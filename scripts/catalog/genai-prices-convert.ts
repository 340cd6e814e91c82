// Turns @pydantic/genai-prices entries (USD per million tokens / per thousand units, numbers, optional tiers,
// dated and time-of-day variants) into OpenRouter-shaped pricing strings (USD per token / per unit).
import type { ModelInfo, ModelPrice } from '@pydantic/genai-prices';
import { numberToScaledString } from '../../shared/billing/decimal';
import type { ModelPricing, PriceOverride, PriceTier } from '../../shared/catalog/types';

type TierKey = Exclude<keyof PriceTier, 'above_prompt_tokens'>;

/** genai-prices key → [OpenRouter pricing key, power of ten to divide by to get USD per single unit]. */
type StringKey = Exclude<keyof ModelPricing, 'discount' | 'overrides' | 'long_context_tiers'>;
const KEY_MAP: Record<string, [StringKey, number]> = {
  input_mtok: ['prompt', 6],
  output_mtok: ['completion', 6],
  cache_read_mtok: ['input_cache_read', 6],
  cache_write_mtok: ['input_cache_write', 6],
  cache_write_1h_mtok: ['input_cache_write_1h', 6],
  output_reasoning_mtok: ['internal_reasoning', 6],
  web_searches_kcount: ['web_search', 3],
  requests_kcount: ['request', 3],
  input_audio_mtok: ['audio', 6],
  output_audio_mtok: ['audio_output', 6],
  input_image_mtok: ['image_token', 6],
  output_image_mtok: ['image_output', 6],
};

const TIERABLE = new Set<string>(['prompt', 'completion', 'input_cache_read', 'input_cache_write', 'input_cache_write_1h', 'internal_reasoning']);

/** The rates an override may carry (cost.ts applies these per key). */
type OverrideKey = Exclude<keyof PriceOverride, 'min_prompt_tokens' | 'utc_start' | 'utc_end' | 'from_date'>;
const OVERRIDABLE: readonly OverrideKey[] = [
  'prompt', 'completion', 'input_cache_read', 'input_cache_write', 'input_cache_write_1h', 'internal_reasoning',
  'audio', 'audio_output', 'image_token', 'image_output',
];

interface Tiered {
  base: number;
  tiers: { start: number; price: number }[];
}

const isTiered = (v: unknown): v is Tiered =>
  typeof v === 'object' && v !== null && typeof (v as Tiered).base === 'number' && Array.isArray((v as Tiered).tiers);

interface Constraint {
  type?: string;
  start_date?: string;
  start_time?: string;
  end_time?: string;
}

/** "16:30:00Z" → 1630 (OpenRouter's HHMM); undefined when not a whole minute. */
function hhmm(time: string | undefined): number | undefined {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?Z?$/.exec(time ?? '');
  if (!m || (m[3] !== undefined && m[3] !== '00')) return undefined;
  return Number(m[1]) * 100 + Number(m[2]);
}

export interface ConditionalResult {
  base: ModelPrice; // the prices in force on the build date outside any time window
  /** Later entries, in genai-prices' order (a later matching entry wins): time-of-day windows and price changes
   * dated after the build date. */
  later: { when: Pick<PriceOverride, 'utc_start' | 'utc_end' | 'from_date'>; prices: ModelPrice }[];
  problems: string[];
}

/**
 * genai-prices picks a request's prices by walking its conditional list from the END and taking the first
 * entry whose condition holds (no condition; `start_date` ≤ the request's time; the request's UTC time inside a
 * `time_of_date` window). At the build date that is: a base (the last entry without a condition or with a start
 * date already past) and the entries after it that still depend on the request — time windows, and start dates
 * still to come. Entries before the base can never be chosen again.
 */
export function conditionalPrices(model: ModelInfo, date: Date): ConditionalResult {
  if (!Array.isArray(model.prices)) return { base: model.prices, later: [], problems: [] };
  const later: ConditionalResult['later'] = [];
  const problems: string[] = [];
  for (let i = model.prices.length - 1; i >= 0; i--) {
    const entry = model.prices[i]!;
    const c = entry.constraint as Constraint | undefined;
    if (!c) return { base: entry.prices, later: later.reverse(), problems };
    if (c.type === 'start_date' && c.start_date) {
      if (date >= new Date(c.start_date)) return { base: entry.prices, later: later.reverse(), problems };
      later.push({ when: { from_date: c.start_date }, prices: entry.prices });
    } else if (c.type === 'time_of_date') {
      const start = hhmm(c.start_time);
      const end = hhmm(c.end_time);
      if (start === undefined || end === undefined) problems.push(`time window ${c.start_time}–${c.end_time} is not in whole minutes`);
      else later.push({ when: { utc_start: start, utc_end: end }, prices: entry.prices });
    } else problems.push(`unknown price constraint ${JSON.stringify(c)}`);
  }
  return { base: model.prices[0]!.prices, later: later.reverse(), problems };
}

export interface ConvertResult {
  pricing?: ModelPricing; // undefined when the entry has no input/output price at all
  unknownKeys: string[];
}

/** `free`: an entry without any price is a free model (genai-prices writes free models as `prices: {}`). */
export function convertPrices(prices: ModelPrice, opts: { free: boolean }): ConvertResult {
  const out: Partial<Record<StringKey, string>> = {};
  const tiers = new Map<number, PriceTier>();
  const unknownKeys: string[] = [];
  for (const [key, value] of Object.entries(prices)) {
    if (value === undefined) continue;
    const mapped = KEY_MAP[key];
    if (!mapped) {
      unknownKeys.push(key);
      continue;
    }
    const [target, pow] = mapped;
    if (typeof value === 'number') {
      const s = numberToScaledString(value, pow);
      if (s !== undefined) out[target] = s;
    } else if (isTiered(value)) {
      const s = numberToScaledString(value.base, pow);
      if (s !== undefined) out[target] = s;
      if (!TIERABLE.has(target)) continue;
      for (const t of value.tiers) {
        const tier = tiers.get(t.start) ?? { above_prompt_tokens: t.start };
        const ts = numberToScaledString(t.price, pow);
        if (ts !== undefined) tier[target as TierKey] = ts;
        tiers.set(t.start, tier);
      }
    }
  }
  if (out.prompt === undefined && out.completion === undefined) {
    if (!opts.free) return { unknownKeys };
    out.prompt = '0';
    out.completion = '0';
  }
  const pricing: ModelPricing = { ...out, prompt: out.prompt ?? '0', completion: out.completion ?? '0' };
  if (tiers.size) pricing.long_context_tiers = [...tiers.values()].sort((a, b) => a.above_prompt_tokens - b.above_prompt_tokens);
  return { pricing, unknownKeys };
}

/** What a genai-prices entry charges for a rate it does not list: cache and modality tokens at its input or
 * output price, reasoning as output ("0" = not billed apart). Overrides replace whole price sets, so every rate
 * the base has must be restated. */
function rateOrFallback(p: ModelPricing, key: OverrideKey): string | undefined {
  if (p[key] !== undefined) return p[key];
  switch (key) {
    case 'input_cache_read':
    case 'input_cache_write':
    case 'audio':
    case 'image_token':
      return p.prompt;
    case 'input_cache_write_1h':
      return p.input_cache_write ?? p.prompt;
    case 'internal_reasoning':
      return '0';
    case 'audio_output':
    case 'image_output':
      return p.completion;
    default:
      return undefined;
  }
}

/** A model's prices at `date` as one ModelPricing: the base plus its remaining conditions as overrides. `free`:
 * the model is free whatever it lists; `emptyIsFree`: an entry that lists no price at all is free (a direct
 * provider's free model) rather than unpriced. */
export function convertModel(model: ModelInfo, date: Date, opts: { free: boolean; emptyIsFree?: boolean }): ConvertResult & { problems: string[] } {
  const { base, later, problems } = conditionalPrices(model, date);
  const converted = convertPrices(base, { free: opts.free || (opts.emptyIsFree === true && Object.keys(base).length === 0) });
  if (!converted.pricing || later.length === 0) return { ...converted, problems };
  const overrides: PriceOverride[] = [];
  for (const entry of later) {
    const { pricing: p, unknownKeys } = convertPrices(entry.prices, { free: Object.keys(entry.prices).length === 0 });
    converted.unknownKeys.push(...unknownKeys.filter((k) => !converted.unknownKeys.includes(k)));
    if (!p) {
      problems.push(`a conditional price without input/output prices was left out`);
      continue;
    }
    if (p.long_context_tiers) problems.push('tiers inside a conditional price are not kept');
    for (const k of ['request', 'web_search', 'image'] as const) {
      if (p[k] !== converted.pricing[k]) problems.push(`a conditional ${k} price is not kept`);
    }
    const o: PriceOverride = { ...entry.when };
    for (const k of OVERRIDABLE) {
      if (p[k] === undefined && converted.pricing[k] === undefined) continue;
      const v = rateOrFallback(p, k);
      if (v !== undefined) o[k] = v;
    }
    overrides.push(o);
  }
  if (overrides.length) converted.pricing.overrides = overrides;
  return { ...converted, problems };
}
