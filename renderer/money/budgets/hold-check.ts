import { budgetPeriods, type BudgetLimits, type BudgetMessage, type LedgerTotals, type SpendLimit, type SpendTotals } from '../../../shared/billing/budgets';
import { formatMicros } from '../../../shared/billing/money';
import type { HeldTotals, HoldRequest } from '../../common/money/send-holds';

// Whether a send fits its spend limits beside the answers still running: for each limit it touches, what was
// spent, plus what running answers hold, plus the most this send may cost must stay within it. Overall limits
// take every column; a provider key's limits the columns it could serve (all of them when that is not known).

export function evaluateHolds(
  totals: LedgerTotals,
  held: HeldTotals,
  requests: readonly HoldRequest[],
  limits: BudgetLimits,
  now: number,
  labels: Record<string, string>,
): BudgetMessage[] {
  const periods = budgetPeriods(now);
  const out: BudgetMessage[] = [];
  const check = (scope: 'overall' | 'provider', provider: string | undefined, limit: SpendLimit | undefined, spent: SpendTotals | undefined, holding: number, need: number) => {
    if (!limit || need <= 0) return;
    const who = scope === 'overall' ? 'Overall' : (labels[provider!] ?? provider!);
    const each: ['day' | 'month', number | null | undefined, number, number][] = [
      ['day', limit.dailyMicros, spent?.todayMicros ?? 0, periods.nextDay],
      ['month', limit.monthlyMicros, spent?.monthMicros ?? 0, periods.nextMonth],
    ];
    for (const [period, lim, used, resetsAt] of each) {
      if (!lim || used + holding + need <= lim) continue;
      const left = Math.max(0, lim - used - holding);
      const running = holding > 0 ? `, ${formatMicros(holding)} held by answers still running` : '';
      const text = `${who} ${period === 'day' ? 'daily' : 'monthly'} spend limit: this send may cost up to ${formatMicros(need)} and ${formatMicros(left)} is left ` +
        `(${formatMicros(used)} spent of ${formatMicros(lim)}${running}). Set a lower max tokens on the columns, wait for running answers, or raise the limit.`;
      out.push({ level: 'blocked', scope, ...(provider !== undefined ? { provider } : {}), period, spentMicros: used, limitMicros: lim, resetsAt, text });
    }
  };
  check('overall', undefined, limits.overall, totals.overall, held.overall, requests.reduce((n, r) => n + r.micros, 0));
  for (const [p, limit] of Object.entries(limits.byProvider ?? {})) {
    const need = requests.filter((r) => r.providers === null || r.providers.includes(p)).reduce((n, r) => n + r.micros, 0);
    check('provider', p, limit, totals.byProvider?.[p], (held.byProvider[p] ?? 0) + held.anyProvider, need);
  }
  return out;
}
