import { formatMicros } from './money';

// Optional spend limits: daily and monthly, overall and per provider key. A limit warns at 80 % and blocks at
// 100 % of its period's spend. Blocking is advisory: the caller may pass `override: true` for one send, which
// turns 'blocked' into 'warn' (the messages still say what is over). Limits ≤ 0 or absent mean "no limit".
// Periods are calendar days and months in local time by default (UTC on request); the caller sums its ledger
// over `budgetPeriods(now)` and passes the totals in.

export interface SpendTotals {
  todayMicros: number;
  monthMicros: number;
}

export interface LedgerTotals {
  overall: SpendTotals;
  byProvider?: Record<string, SpendTotals>; // key: provider key / upstream id
}

export interface SpendLimit {
  dailyMicros?: number | null;
  monthlyMicros?: number | null;
}

export interface BudgetLimits {
  overall?: SpendLimit;
  byProvider?: Record<string, SpendLimit>;
}

export interface BudgetOptions {
  provider?: string; // the key this send will use: only its limits and the overall ones apply. Absent: all.
  override?: boolean; // the user chose to send once despite a blocked budget
  labels?: Record<string, string>; // provider key → name shown in messages
  timeZone?: 'local' | 'utc';
}

export type BudgetState = 'ok' | 'warn' | 'blocked';

export interface BudgetMessage {
  level: 'warn' | 'blocked';
  scope: 'overall' | 'provider';
  provider?: string;
  period: 'day' | 'month';
  spentMicros: number;
  limitMicros: number;
  resetsAt: number; // ms epoch when the period rolls over
  text: string;
}

export interface BudgetEvaluation {
  state: BudgetState;
  messages: BudgetMessage[];
  overridden?: boolean; // blocked, but the caller's override lets this one send through
}

export const WARN_PERCENT = 80;

/** What a budget holds for a request whose worst-case cost cannot be bounded (no price or output limit known),
 * unless Settings says otherwise: USD 0.25. */
export const DEFAULT_UNKNOWN_COST_CAP_MICROS = 250_000;

export interface BudgetPeriods {
  dayStart: number;
  nextDay: number;
  monthStart: number;
  nextMonth: number;
}

/** Start and end (ms epoch) of the day and month containing `now`. */
export function budgetPeriods(now: Date | number, timeZone: 'local' | 'utc' = 'local'): BudgetPeriods {
  const d = new Date(now);
  if (timeZone === 'utc') {
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const day = d.getUTCDate();
    return { dayStart: Date.UTC(y, m, day), nextDay: Date.UTC(y, m, day + 1), monthStart: Date.UTC(y, m, 1), nextMonth: Date.UTC(y, m + 1, 1) };
  }
  const y = d.getFullYear();
  const m = d.getMonth();
  const day = d.getDate();
  return {
    dayStart: new Date(y, m, day).getTime(),
    nextDay: new Date(y, m, day + 1).getTime(),
    monthStart: new Date(y, m, 1).getTime(),
    nextMonth: new Date(y, m + 1, 1).getTime(),
  };
}

const validLimit = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

export function evaluateBudgets(totals: LedgerTotals, limits: BudgetLimits, now: Date | number, opts: BudgetOptions = {}): BudgetEvaluation {
  const periods = budgetPeriods(now, opts.timeZone);
  const messages: BudgetMessage[] = [];
  const check = (scope: 'overall' | 'provider', provider: string | undefined, spent: SpendTotals | undefined, limit: SpendLimit | undefined) => {
    if (!limit) return;
    const who = scope === 'overall' ? 'Overall' : (opts.labels?.[provider!] ?? provider!);
    const periodsToCheck: ['day' | 'month', number | null | undefined, number, number][] = [
      ['day', limit.dailyMicros, spent?.todayMicros ?? 0, periods.nextDay],
      ['month', limit.monthlyMicros, spent?.monthMicros ?? 0, periods.nextMonth],
    ];
    for (const [period, lim, used, resetsAt] of periodsToCheck) {
      if (!validLimit(lim)) continue;
      const blocked = used >= lim;
      const warn = !blocked && used * 100 >= lim * WARN_PERCENT;
      if (!blocked && !warn) continue;
      const name = period === 'day' ? 'daily' : 'monthly';
      const pct = Math.floor((used * 100) / lim);
      const reset = period === 'day' ? 'It resets at midnight.' : 'It resets on the 1st of next month.';
      const text = blocked
        ? `${who} ${name} spend limit reached: ${formatMicros(used)} of ${formatMicros(lim)}. Sending is paused until it resets or you raise the limit. ${reset}`
        : `${who} ${name} spend is at ${pct}% of its limit: ${formatMicros(used)} of ${formatMicros(lim)}.`;
      messages.push({ level: blocked ? 'blocked' : 'warn', scope, provider, period, spentMicros: used, limitMicros: lim, resetsAt, text });
    }
  };
  check('overall', undefined, totals.overall, limits.overall);
  const providers = opts.provider !== undefined ? [opts.provider] : Object.keys(limits.byProvider ?? {});
  for (const p of providers) check('provider', p, totals.byProvider?.[p], limits.byProvider?.[p]);

  const anyBlocked = messages.some((m) => m.level === 'blocked');
  if (anyBlocked && opts.override) return { state: 'warn', messages, overridden: true };
  return { state: anyBlocked ? 'blocked' : messages.length ? 'warn' : 'ok', messages };
}
