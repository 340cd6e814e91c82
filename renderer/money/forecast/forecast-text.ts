import { formatMicros } from '../../../shared/billing/money';
import { HORIZON_DAYS, type BurnRate, type RunOut } from './forecast';

/** A date as the forecast shows it, e.g. "12 Jan 2027" (UTC, so a forecast reads the same in every test and zone). */
export const forecastDate = (ms: number): string =>
  new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Cents for amounts of a cent or more; below that the digits that matter. */
const perDay = (micros: number): string => formatMicros(micros >= 10_000 ? Math.round(micros / 10_000) * 10_000 : Math.round(micros));

export function burnText(b: BurnRate): string {
  if (b.requests === 0) return `Nothing spent in the last ${b.windowDays} days.`;
  const unpriced = b.unpricedRequests ? ` (+${b.unpricedRequests} request${b.unpricedRequests === 1 ? '' : 's'} with no price)` : '';
  return `${perDay(b.perDayMicros)} a day over the last ${b.windowDays} days${unpriced}.`;
}

/** "runs out on 12 Jan 2027 (between 9 Jan 2027 and 16 Jan 2027)" and the like. */
export function runOutText(what: string, r: RunOut): string {
  if (r.remainingMicros <= 0) return `${what} is used up.`;
  if (r.daysLeft === null) return `${what}: no spending in this window, so no end in sight.`;
  if (r.at === null) return `${what} lasts over ${Math.round(HORIZON_DAYS / 365)} years at this rate.`;
  const spread = r.earliest !== null && r.latest !== null && forecastDate(r.earliest) !== forecastDate(r.latest)
    ? ` (between ${forecastDate(r.earliest)} and ${forecastDate(r.latest)})`
    : r.latest === null && r.earliest !== null ? ` (from ${forecastDate(r.earliest)}, or much later if spending stays this uneven)` : '';
  return `${what} runs out on ${forecastDate(r.at)}${spread}, in ${daysText(r.daysLeft!)}.`;
}

export function daysText(days: number): string {
  if (days < 1) return 'less than a day';
  const d = Math.floor(days);
  return `${d} day${d === 1 ? '' : 's'}`;
}
