import type { ModelPricing, ScheduledPrices } from './types';

// Which of a model's price sets is in force at a given time (docs/price-catalog.md). The reference price data
// (@pydantic/genai-prices) walks a model's price list from the end and takes the first entry whose condition
// holds — a start date already reached, or a daily UTC window the request falls in — and the first entry when
// none does. Parley's `schedule` keeps that list as it is, so the same walk gives the same answer.

const DAY_MS = 86_400_000;

/** HHMM (1630 = 16:30) → minutes after midnight; undefined when not a time of day. */
function minutesOf(hhmm: number): number | undefined {
  if (!Number.isInteger(hhmm) || hhmm < 0 || hhmm > 2400 || hhmm % 100 >= 60) return undefined;
  return Math.floor(hhmm / 100) * 60 + (hhmm % 100);
}

/** Is `at` (ms epoch) inside the daily UTC window [start, end) given as HHMM? The window may wrap midnight. An
 * unreadable window holds never. */
export function inUtcWindow(startHhmm: number | undefined, endHhmm: number | undefined, at: number): boolean {
  const start = minutesOf(startHhmm ?? 0);
  const end = minutesOf(endHhmm ?? 2400);
  if (start === undefined || end === undefined) return false;
  const now = (((at % DAY_MS) + DAY_MS) % DAY_MS) / 60_000;
  return end < start ? now >= start || now < end : now >= start && now < end;
}

// Start dates repeat on every call: each is parsed once. Bounded, so a hostile catalog cannot grow it without end.
const dayStarts = new Map<string, number>();

/** "2026-03-13" → that day's 00:00 UTC in ms; NaN when not a date (such an entry never applies). */
function dayStart(date: string): number {
  let t = dayStarts.get(date);
  if (t === undefined) {
    t = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
    if (dayStarts.size > 10_000) dayStarts.clear();
    dayStarts.set(date, t);
  }
  return t;
}

function holds(entry: ScheduledPrices, at: number): boolean {
  if (entry.from_date !== undefined && !(at >= dayStart(entry.from_date))) return false;
  if ((entry.utc_start !== undefined || entry.utc_end !== undefined) && !inUtcWindow(entry.utc_start, entry.utc_end, at)) return false;
  return true;
}

/** The price set in force at `at` (ms epoch): the last schedule entry whose condition holds, else the first;
 * the pricing itself when it has no schedule. */
export function pricesAt(pricing: ModelPricing, at: number): ModelPricing {
  const schedule = pricing.schedule;
  if (!schedule || schedule.length === 0) return pricing;
  for (let i = schedule.length - 1; i >= 0; i--) if (holds(schedule[i]!, at)) return schedule[i]!;
  return schedule[0]!;
}
