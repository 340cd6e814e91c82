import { describe, expect, it } from 'vitest';
import { budgetPeriods, evaluateBudgets, type LedgerTotals } from '../../../shared/billing/budgets';
import { likelyCauses, reconcile } from '../../../shared/billing/reconcile';

const USD = 1_000_000;
const NOW = Date.parse('2026-09-16T12:00:00Z');
const totals = (today: number, month: number, byProvider?: LedgerTotals['byProvider']): LedgerTotals => ({
  overall: { todayMicros: today, monthMicros: month },
  byProvider,
});
const utc = { timeZone: 'utc' as const };

describe('evaluateBudgets', () => {
  const daily10 = { overall: { dailyMicros: 10 * USD } };

  it.each([
    [7_990_000, 'ok'], // 79.9%
    [8_000_000, 'warn'], // exactly 80%
    [9_999_999, 'warn'],
    [10_000_000, 'blocked'], // exactly 100%
    [12_000_000, 'blocked'],
  ])('daily $10 limit, spent %d µ$ → %s', (spent, state) => {
    expect(evaluateBudgets(totals(spent, spent), daily10, NOW, utc).state).toBe(state);
  });

  it('says clearly what is blocked and when it resets', () => {
    const r = evaluateBudgets(totals(10 * USD, 10 * USD), daily10, NOW, utc);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({ level: 'blocked', scope: 'overall', period: 'day', spentMicros: 10 * USD, limitMicros: 10 * USD });
    expect(r.messages[0]!.resetsAt).toBe(Date.parse('2026-09-17T00:00:00Z'));
    expect(r.messages[0]!.text).toBe(
      'Overall daily spend limit reached: $10.00 of $10.00. Sending is paused until it resets or you raise the limit. It resets at midnight.',
    );
  });

  it('warns with the percentage', () => {
    const r = evaluateBudgets(totals(0, 85 * USD, { anthropic: { todayMicros: 0, monthMicros: 85 * USD } }), { byProvider: { anthropic: { monthlyMicros: 100 * USD } } }, NOW, {
      ...utc,
      labels: { anthropic: 'Anthropic' },
    });
    expect(r.state).toBe('warn');
    expect(r.messages[0]).toMatchObject({ scope: 'provider', provider: 'anthropic', period: 'month', resetsAt: Date.parse('2026-10-01T00:00:00Z') });
    expect(r.messages[0]!.text).toBe('Anthropic monthly spend is at 85% of its limit: $85.00 of $100.00.');
  });

  it('only the sending key’s limits and the overall ones apply to a send', () => {
    const limits = { byProvider: { anthropic: { dailyMicros: 1 * USD }, openai: { dailyMicros: 50 * USD } } };
    const t = totals(2 * USD, 2 * USD, { anthropic: { todayMicros: 2 * USD, monthMicros: 2 * USD }, openai: { todayMicros: 0, monthMicros: 0 } });
    expect(evaluateBudgets(t, limits, NOW, { ...utc, provider: 'openai' }).state).toBe('ok');
    expect(evaluateBudgets(t, limits, NOW, { ...utc, provider: 'anthropic' }).state).toBe('blocked');
    expect(evaluateBudgets(t, limits, NOW, utc).state).toBe('blocked'); // no provider given: every limit
  });

  it('the overall limit applies whatever the provider', () => {
    const r = evaluateBudgets(totals(11 * USD, 11 * USD), daily10, NOW, { ...utc, provider: 'openai' });
    expect(r.state).toBe('blocked');
  });

  it('an override lets one send through but keeps the messages', () => {
    const r = evaluateBudgets(totals(10 * USD, 10 * USD), daily10, NOW, { ...utc, override: true });
    expect(r.state).toBe('warn');
    expect(r.overridden).toBe(true);
    expect(r.messages[0]!.level).toBe('blocked');
  });

  it('absent, null and zero limits mean no limit', () => {
    const limits = { overall: { dailyMicros: 0, monthlyMicros: null }, byProvider: { x: {} } };
    expect(evaluateBudgets(totals(5 * USD, 5 * USD), limits, NOW, utc)).toEqual({ state: 'ok', messages: [] });
    expect(evaluateBudgets(totals(5 * USD, 5 * USD), {}, NOW, utc)).toEqual({ state: 'ok', messages: [] });
  });

  it('reports both periods when both are over', () => {
    const r = evaluateBudgets(totals(10 * USD, 90 * USD), { overall: { dailyMicros: 10 * USD, monthlyMicros: 100 * USD } }, NOW, utc);
    expect(r.messages.map((m) => `${m.period}:${m.level}`)).toEqual(['day:blocked', 'month:warn']);
    expect(r.state).toBe('blocked');
  });

  it('computes UTC periods across a year end', () => {
    expect(budgetPeriods(Date.parse('2026-12-31T23:00:00Z'), 'utc')).toEqual({
      dayStart: Date.parse('2026-12-31T00:00:00Z'),
      nextDay: Date.parse('2027-01-01T00:00:00Z'),
      monthStart: Date.parse('2026-12-01T00:00:00Z'),
      nextMonth: Date.parse('2027-01-01T00:00:00Z'),
    });
  });

  it('computes local periods at local midnight', () => {
    const p = budgetPeriods(new Date(2026, 2, 15, 13, 30));
    expect(p.dayStart).toBe(new Date(2026, 2, 15).getTime());
    expect(p.nextMonth).toBe(new Date(2026, 3, 1).getTime());
  });
});

describe('reconcile', () => {
  it.each([
    // billed, local, status — tolerance is max(1 µ$, 1% of billed)
    [1000, 1010, 'match'], // diff 10 = exactly 1%
    [1000, 1011, 'mismatch'], // 11 > 10
    [1000, 990, 'match'],
    [1000, 989, 'mismatch'],
    [50, 51, 'match'], // 1 µ$ floor
    [50, 52, 'mismatch'],
    [0, 1, 'match'],
    [0, 2, 'mismatch'],
    [1_000_000, 1_010_000, 'match'],
    [1_000_000, 1_010_001, 'mismatch'],
  ])('billed %d, local %d → %s', (billed, local, status) => {
    const r = reconcile(local, billed);
    expect(r.status).toBe(status);
    expect(r.diffMicros).toBe(local - billed);
  });

  it('is unknown when either side is missing', () => {
    expect(reconcile(undefined, 100)).toEqual({ status: 'unknown' });
    expect(reconcile(100, undefined)).toEqual({ status: 'unknown' });
    expect(reconcile(Number.NaN, 100)).toEqual({ status: 'unknown' });
  });

  it('reports the tolerance', () => {
    expect(reconcile(5000, 4000).toleranceMicros).toBe(40);
    expect(reconcile(5, 4).toleranceMicros).toBe(1);
  });
});

describe('likelyCauses', () => {
  const tokens = { prompt: 1000, completion: 200, cacheRead: 0, cacheWrite: 0, reasoning: 0 };
  it('names what the data shows, most specific first', () => {
    expect(likelyCauses({ parleyMicros: 100, billedMicros: 125, tokens, provider: 'A', billed: { provider: 'A', tokensPrompt: 1300, tokensCompletion: 200 } }))
      .toEqual(['OpenRouter counted 1,300 input and 200 output tokens; the answer reported 1,000 and 200']);
    expect(likelyCauses({ parleyMicros: 100, billedMicros: 80, tokens, provider: 'A', billed: { provider: 'A', nativeCached: 600 } })[0])
      .toBe("600 cached tokens, billed at the cache price, that the answer's usage did not show");
    expect(likelyCauses({ parleyMicros: 100, billedMicros: 180, tokens, provider: 'A', billed: { provider: 'A', nativeReasoning: 400 } }))
      .toEqual(['400 reasoning tokens billed as output']);
    expect(likelyCauses({ parleyMicros: 100, billedMicros: 125, tokens, provider: 'A', billed: { provider: 'B' } }))
      .toEqual(['a different provider served it: B, not A']);
    expect(likelyCauses({ parleyMicros: 100, billedMicros: 125, tokens, provider: 'A', billed: {}, priceChange: '$3.00 → $3.75 per 1M tokens for input' }))
      .toEqual(['the price changed since this answer was priced: $3.00 → $3.75 per 1M tokens for input']);
  });

  it('falls back to the provider that served it, whose price may differ from the list', () => {
    expect(likelyCauses({ parleyMicros: 100, billedMicros: 125, tokens, provider: 'FakeProvider', billed: { provider: 'FakeProvider' } }))
      .toEqual(['served by FakeProvider, which may charge more or less than the list price Parley used']);
  });
});
