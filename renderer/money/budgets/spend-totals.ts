import { budgetPeriods, type BudgetLimits, type LedgerTotals, type SpendLimit } from '../../../shared/billing/budgets';
import type { LedgerRow } from '../../history/db/ledger-types';
import { keyOf, rowCost } from '../activity/aggregate';

// Ledger sums for the budget check: today and this month (local calendar), overall and per provider key
// (upstream id). Billed figures win over local ones, as on the Activity page; unpriced rows add nothing.

export const BUDGETS_KEY = 'budgetLimits';

export function spendTotals(rows: readonly LedgerRow[], now: number): LedgerTotals {
  const p = budgetPeriods(now);
  const totals: LedgerTotals = { overall: { todayMicros: 0, monthMicros: 0 }, byProvider: {} };
  for (const r of rows) {
    if (r.createdAt < p.monthStart || r.createdAt >= p.nextMonth) continue;
    const c = rowCost(r);
    if (c === undefined || c === 0) continue;
    const key = keyOf(r);
    const mine = (totals.byProvider![key] ??= { todayMicros: 0, monthMicros: 0 });
    totals.overall.monthMicros += c;
    mine.monthMicros += c;
    if (r.createdAt >= p.dayStart && r.createdAt < p.nextDay) {
      totals.overall.todayMicros += c;
      mine.todayMicros += c;
    }
  }
  return totals;
}

const okLimit = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x > 0;

function cleanLimit(l: SpendLimit | undefined): SpendLimit | undefined {
  if (!l || typeof l !== 'object') return undefined;
  const out: SpendLimit = {};
  if (okLimit(l.dailyMicros)) out.dailyMicros = l.dailyMicros;
  if (okLimit(l.monthlyMicros)) out.monthlyMicros = l.monthlyMicros;
  return out.dailyMicros || out.monthlyMicros ? out : undefined;
}

/** Only positive whole micro-dollar limits survive; an empty result means "no budgets". */
export function cleanLimits(stored: BudgetLimits | undefined): BudgetLimits {
  const out: BudgetLimits = {};
  const overall = cleanLimit(stored?.overall);
  if (overall) out.overall = overall;
  for (const [k, v] of Object.entries(stored?.byProvider ?? {})) {
    const l = cleanLimit(v);
    if (l) (out.byProvider ??= {})[k] = l;
  }
  return out;
}

export const hasLimits = (l: BudgetLimits): boolean => !!l.overall || Object.keys(l.byProvider ?? {}).length > 0;
