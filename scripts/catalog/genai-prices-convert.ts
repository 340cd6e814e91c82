// Turns @pydantic/genai-prices entries (USD per million tokens / per thousand units, numbers, optional tiers and
// dated variants) into OpenRouter-shaped pricing strings (USD per token / per unit).
import type { ModelInfo, ModelPrice } from '@pydantic/genai-prices';
import { numberToScaledString } from '../../shared/billing/decimal';
import type { ModelPricing, PriceTier } from '../../shared/catalog/types';

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

interface Tiered {
  base: number;
  tiers: { start: number; price: number }[];
}

const isTiered = (v: unknown): v is Tiered =>
  typeof v === 'object' && v !== null && typeof (v as Tiered).base === 'number' && Array.isArray((v as Tiered).tiers);

/** The price set in force on `date`: the last dated entry that has started; time-of-day entries are skipped
 * (Parley prices a call without knowing the provider's clock window, so it uses the standard rate). */
export function pricesAt(model: ModelInfo, date: Date): ModelPrice {
  if (!Array.isArray(model.prices)) return model.prices;
  for (let i = model.prices.length - 1; i >= 0; i--) {
    const entry = model.prices[i]!;
    const c = entry.constraint;
    if (!c) return entry.prices;
    if (c.type === 'start_date' && date >= new Date(c.start_date)) return entry.prices;
  }
  return model.prices[0]!.prices;
}

export interface ConvertResult {
  pricing?: ModelPricing; // undefined when the entry has no input/output price at all
  unknownKeys: string[];
}

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
