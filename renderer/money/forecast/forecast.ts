import type { LedgerRow } from '../../history/db/ledger-types';

// When the money runs out at the recent rate. The window is the last N × 24 hours before `now`, cut into N
// one-day buckets (rolling days, so the figure does not jump at midnight); the burn is the window's spend ÷ N days.
// Spending is rarely steady, so the forecast also gives a spread: one standard error of the daily mean either way
// (sd of the daily buckets ÷ √N). Run-out = now + remaining ÷ burn; the spread's dates from the burn ± that error
// (no "latest" date when the low burn is zero: at that rate it could last indefinitely).
// The cost of a row is what OpenRouter billed when reconciled, else Parley's own figure; rows with no price are
// counted apart, never as free.

export const DAY_MS = 86_400_000;

export interface BurnRate {
  windowDays: number;
  /** spend per bucket, oldest first */
  dailyMicros: number[];
  spentMicros: number;
  requests: number;
  unpricedRequests: number;
  /** mean spend per day */
  perDayMicros: number;
  /** standard error of that mean */
  errorMicros: number;
  /** coefficient of variation of the daily buckets over 1: a few bursts, not a steady rate */
  irregular: boolean;
}

export interface RunOut {
  remainingMicros: number;
  /** null when nothing was spent in the window */
  at: number | null;
  /** the spread: at the high burn (earliest) and the low burn (latest, null = no end at that rate) */
  earliest: number | null;
  latest: number | null;
  /** days from now to `at` */
  daysLeft: number | null;
}

export const rowCostMicros = (r: LedgerRow): number | undefined => r.billedCostMicros ?? r.costMicros ?? undefined;

/** Rows that draw on the OpenRouter balance: everything OpenRouter served (its own models and BYOK through it). */
export const drawsOnOpenRouter = (r: LedgerRow): boolean => r.upstreamKind === 'openrouter';

export function burnRate(rows: Iterable<LedgerRow>, now: number, windowDays: number, include: (r: LedgerRow) => boolean = () => true): BurnRate {
  const start = now - windowDays * DAY_MS;
  const daily = new Array<number>(windowDays).fill(0);
  let requests = 0;
  let unpriced = 0;
  for (const r of rows) {
    if (r.createdAt < start || r.createdAt >= now || !include(r)) continue;
    requests++;
    const cost = rowCostMicros(r);
    if (cost === undefined) {
      unpriced++;
      continue;
    }
    daily[Math.floor((r.createdAt - start) / DAY_MS)]! += cost;
  }
  const spent = daily.reduce((s, x) => s + x, 0);
  const mean = spent / windowDays;
  const variance = windowDays > 1 ? daily.reduce((s, x) => s + (x - mean) ** 2, 0) / (windowDays - 1) : 0;
  const sd = Math.sqrt(variance);
  return {
    windowDays,
    dailyMicros: daily,
    spentMicros: spent,
    requests,
    unpricedRequests: unpriced,
    perDayMicros: mean,
    errorMicros: sd / Math.sqrt(windowDays),
    irregular: mean > 0 && sd / mean > 1,
  };
}

/** Further out than this is no forecast (and, for a tiny burn, past the last date a Date can hold). */
export const HORIZON_DAYS = 36_500;

export function runOut(remainingMicros: number, burn: BurnRate, now: number): RunOut {
  const remaining = Math.max(0, remainingMicros);
  if (burn.perDayMicros <= 0) return { remainingMicros: remaining, at: null, earliest: null, latest: null, daysLeft: null };
  const when = (perDay: number) => (remaining / perDay > HORIZON_DAYS ? null : now + (remaining / perDay) * DAY_MS);
  // All of a window's spend on one day makes the error equal the mean: the low burn is zero, though rounding can
  // leave a few units in the last place (a date millions of years out).
  const low = burn.perDayMicros - burn.errorMicros;
  return {
    remainingMicros: remaining,
    at: when(burn.perDayMicros),
    earliest: when(burn.perDayMicros + burn.errorMicros),
    latest: low > burn.perDayMicros * 1e-9 ? when(low) : null,
    daysLeft: remaining / burn.perDayMicros,
  };
}
