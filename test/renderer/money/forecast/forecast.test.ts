// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { burnRate, drawsOnOpenRouter, runOut, DAY_MS } from '../../../../renderer/money/forecast/forecast';
import { forecastOf } from '../../../../renderer/money/forecast/use-forecast';
import { runOutText } from '../../../../renderer/money/forecast/forecast-text';
import type { LedgerRow } from '../../../../renderer/history/db/ledger-types';
import type { AccountSummary } from '../../../../shared/contract/account';
import { makeRecord } from '../../support/generation-records';

const NOW = Date.UTC(2027, 0, 20, 12);
let n = 0;
const row = (daysAgo: number, costMicros: number | undefined, over: Partial<LedgerRow> = {}): LedgerRow =>
  ({ ...makeRecord({ id: `g${++n}`, createdAt: NOW - daysAgo * DAY_MS, costMicros, ...(costMicros === undefined ? { costSource: 'none' as const } : {}) }), ...over });

const account = (balanceMicros: number): AccountSummary =>
  ({ configured: true, checkedAt: NOW, error: null, balance: { source: 'credits', balanceMicros } }) as unknown as AccountSummary;

describe('forecast: the daily burn and when the money runs out', () => {
  it('steady: $0.10 a day for a week, $2.10 left → 21 days, on 10 Feb 2027, no spread', () => {
    const rows = Array.from({ length: 7 }, (_, i) => row(i + 0.5, 100_000));
    const burn = burnRate(rows, NOW, 7, drawsOnOpenRouter);
    expect(burn.dailyMicros).toEqual(new Array(7).fill(100_000));
    expect(burn.perDayMicros).toBe(100_000);
    expect(burn.errorMicros).toBe(0);
    expect(burn.irregular).toBe(false);
    const r = runOut(2_100_000, burn, NOW);
    expect(r.daysLeft).toBe(21);
    expect(r.at).toBe(Date.UTC(2027, 1, 10, 12));
    expect(r.earliest).toBe(r.at);
    expect(r.latest).toBe(r.at);
    expect(runOutText('The balance', r)).toBe('The balance runs out on 10 Feb 2027, in 21 days.');
  });

  it('bursty: $0.70 on one day of seven — same mean, a spread with no latest date', () => {
    const burn = burnRate([row(3.2, 700_000)], NOW, 7);
    expect(burn.dailyMicros).toEqual([0, 0, 0, 700_000, 0, 0, 0]);
    expect(burn.perDayMicros).toBe(100_000);
    // sd of the buckets √(7e10) = 264,575; ÷ √7 → a standard error of exactly $0.10 a day
    expect(burn.errorMicros).toBeCloseTo(100_000, 6);
    expect(burn.irregular).toBe(true);
    const r = runOut(2_100_000, burn, NOW);
    expect(r.at).toBe(Date.UTC(2027, 1, 10, 12));
    expect(r.earliest).toBe(NOW + 10.5 * DAY_MS); // at $0.20 a day
    expect(r.latest).toBeNull(); // at $0.00 a day it never runs out
    expect(runOutText('The balance', r)).toBe('The balance runs out on 10 Feb 2027 (from 31 Jan 2027, or much later if spending stays this uneven), in 21 days.');
  });

  it('a first day of spending: all of the window on one day gives no latest date, whatever rounding leaves', () => {
    // 29 µ$ in one bucket of 7: the mean minus its error is 8.9e-16 in floating point, not 0
    const burn = burnRate([row(2.5, 29)], NOW, 7);
    const r = runOut(5_000_000, burn, NOW);
    expect(r.latest).toBeNull();
    expect(runOutText('The balance', r)).not.toContain('Invalid Date');
  });

  it('a burn so small the money outlasts a century: says so, with no date past what a Date can show', () => {
    const burn = burnRate([row(1.5, 1)], NOW, 30); // $0.000001 in 30 days, $20 left: 600 million days
    const r = runOut(20_000_000, burn, NOW);
    expect(r.at).toBeNull();
    expect(r.daysLeft).toBeCloseTo(600_000_000, 0);
    expect(runOutText('The balance', r)).toBe('The balance lasts over 100 years at this rate.');
  });

  it('empty: nothing spent → no date, and says so', () => {
    const burn = burnRate([], NOW, 30);
    expect(burn).toMatchObject({ requests: 0, perDayMicros: 0, irregular: false });
    const r = runOut(5_000_000, burn, NOW);
    expect(r.at).toBeNull();
    expect(runOutText('The balance', r)).toBe('The balance: no spending in this window, so no end in sight.');
  });

  it('counts what drew on OpenRouter (billed figures first), leaves out the rest and the window edges, and counts unpriced apart', () => {
    const rows = [
      row(1, 100_000, { billedCostMicros: 130_000 }), // reconciled: what OpenRouter billed
      row(2, 50_000, { upstreamKind: 'anthropic', upstreamId: 'anthropic' }), // BYOK direct: not from the balance
      row(2, undefined), // no price
      row(7, 999_000), // exactly at the window's start: in
      row(7.001, 999_000), // before it: out
      row(0, 999_000), // at `now`: out (the window is [now − 7 days, now))
      row(3, 20_000, { source: 'local-api', appKeyId: 'k1' }), // another app through the local API: in
    ];
    const burn = burnRate(rows, NOW, 7, drawsOnOpenRouter);
    expect(burn.spentMicros).toBe(130_000 + 999_000 + 20_000);
    expect(burn.unpricedRequests).toBe(1);
    expect(burn.requests).toBe(4);
    expect(burnRate(rows, NOW, 7).spentMicros).toBe(130_000 + 50_000 + 999_000 + 20_000);
  });

  it('a monthly budget: when it is reached at this rate', () => {
    const rows = Array.from({ length: 7 }, (_, i) => row(i + 0.5, 200_000));
    const f = forecastOf(rows, NOW, 7, account(10_000_000), { monthlyMicros: 3_000_000 });
    // $1.40 spent this month, $1.60 left at $0.20 a day → 8 days
    expect(f.monthlyBudget).toMatchObject({ remainingMicros: 1_600_000, daysLeft: 8, at: NOW + 8 * DAY_MS });
    expect(f.balance).toMatchObject({ daysLeft: 50 });
  });

  it('a balance already used up says so', () => {
    expect(runOutText('The balance', runOut(-5, burnRate([row(1, 10)], NOW, 7), NOW))).toBe('The balance is used up.');
  });
});
