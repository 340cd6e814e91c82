// Turns @pydantic/genai-prices entries (USD per million tokens / per thousand units, numbers, optional tiers,
// dated and time-of-day variants) into OpenRouter-shaped pricing strings (USD per token / per unit), with a
// model's whole price history as its `schedule` (docs/price-catalog.md).
import type { ModelInfo, ModelPrice } from '@pydantic/genai-prices';
import { numberToScaledString } from '../../shared/billing/decimal';
import { pricesAt } from '../../shared/catalog/prices-at';
import type { ModelPricing, PriceTier, ScheduledPrices } from '../../shared/catalog/types';

type TierKey = Exclude<keyof PriceTier, 'above_prompt_tokens'>;

/** genai-prices key → [OpenRouter pricing key, power of ten to divide by to get USD per single unit]. */
type StringKey = Exclude<keyof ModelPricing, 'discount' | 'overrides' | 'long_context_tiers' | 'schedule'>;
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

interface Constraint {
  type?: string;
  start_date?: string;
  start_time?: string;
  end_time?: string;
}

/** "16:30:00Z" → 1630 (OpenRouter's HHMM); undefined when not a whole minute of UTC. */
function hhmm(time: string | undefined): number | undefined {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?Z?$/.exec(time ?? '');
  if (!m || (m[3] !== undefined && m[3] !== '00')) return undefined;
  return Number(m[1]) * 100 + Number(m[2]);
}

export interface ConvertResult {
  pricing?: ModelPricing; // undefined when the entry lists prices, but none Parley can bill (audio hours, pages)
  unknownKeys: string[];
}

/** One price set. The reference charges nothing for a unit its set does not price (cache and modality tokens
 * fall under input or output), so a set that lists no price at all is free — for every provider, OpenRouter
 * included; a set that prices only units a chat request never bills is left unpriced. */
export function convertPrices(prices: ModelPrice): ConvertResult {
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
  if (Object.keys(out).length === 0 && unknownKeys.length > 0) return { unknownKeys };
  const pricing: ModelPricing = { ...out, prompt: out.prompt ?? '0', completion: out.completion ?? '0' };
  if (tiers.size) pricing.long_context_tiers = [...tiers.values()].sort((a, b) => a.above_prompt_tokens - b.above_prompt_tokens);
  return { pricing, unknownKeys };
}

/** A reference constraint as a schedule entry's condition, or why it cannot be one. */
function conditionOf(c: Constraint | undefined): Pick<ScheduledPrices, 'from_date' | 'utc_start' | 'utc_end'> | string {
  if (!c) return {};
  if (c.type === 'start_date' && c.start_date && /^\d{4}-\d{2}-\d{2}$/.test(c.start_date)) return { from_date: c.start_date };
  if (c.type === 'time_of_date') {
    const start = hhmm(c.start_time);
    const end = hhmm(c.end_time);
    if (start === undefined || end === undefined) return `time window ${c.start_time}–${c.end_time} is not in whole minutes of UTC`;
    return { utc_start: start, utc_end: end };
  }
  return `unknown price constraint ${JSON.stringify(c)}`;
}

/**
 * A model's prices: one price set, or — when the reference lists several (price changes from a start date,
 * daily time windows) — the set in force at `date` outside any window, for display, with the whole list kept
 * as `schedule` in the reference's order so that every request is priced by the set in force at its own time
 * (shared/catalog/prices-at.ts). A list with an entry Parley cannot represent is left unpriced.
 */
export function convertModel(model: ModelInfo, date: Date): ConvertResult & { problems: string[] } {
  if (!Array.isArray(model.prices)) return { ...convertPrices(model.prices), problems: [] };
  const schedule: ScheduledPrices[] = [];
  const unknownKeys = new Set<string>();
  for (const entry of model.prices) {
    const when = conditionOf(entry.constraint as Constraint | undefined);
    const converted = convertPrices(entry.prices);
    converted.unknownKeys.forEach((k) => unknownKeys.add(k));
    if (typeof when === 'string') return { unknownKeys: [...unknownKeys], problems: [`${when}; the model is left unpriced`] };
    if (!converted.pricing) return { unknownKeys: [...unknownKeys], problems: [] };
    schedule.push({ ...when, ...converted.pricing });
  }
  if (schedule.length === 1 && Object.keys(schedule[0]!).every((k) => k !== 'from_date' && k !== 'utc_start' && k !== 'utc_end')) {
    return { pricing: schedule[0]!, unknownKeys: [...unknownKeys], problems: [] };
  }
  const allDay = schedule.filter((e) => e.utc_start === undefined && e.utc_end === undefined);
  const display: ScheduledPrices = { ...(allDay.length ? pricesAt({ ...allDay[0]!, schedule: allDay }, date.getTime()) : schedule[0]!) };
  delete display.from_date;
  delete display.utc_start;
  delete display.utc_end;
  return { pricing: { ...display, schedule }, unknownKeys: [...unknownKeys], problems: [] };
}
