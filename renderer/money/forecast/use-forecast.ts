import { useEffect, useMemo, useState } from 'react';
import type { AccountSummary } from '../../../shared/contract/account';
import type { BudgetLimits, SpendLimit } from '../../../shared/billing/budgets';
import { budgetPeriods } from '../../../shared/billing/budgets';
import { useLedgerRows } from '../../common/ledger/use-ledger';
import { ledger } from '../../common/ledger';
import { spendableMicros } from '../account/account-text';
import { BUDGETS_KEY, cleanLimits } from '../budgets/spend-totals';
import { burnRate, DAY_MS, drawsOnOpenRouter, rowCostMicros, runOut, type BurnRate, type RunOut } from './forecast';
import type { LedgerRow } from '../../history/db/ledger-types';

export interface Forecast {
  /** what draws on the OpenRouter balance (chat and other apps through the local API) */
  openRouter: BurnRate;
  balance: RunOut | null;
  /** every request, whoever served it */
  all: BurnRate;
  /** the overall monthly budget, when one is set: when it is reached at this rate, and whether within the month */
  monthlyBudget: (RunOut & { limitMicros: number; monthEnd: number }) | null;
}

/** The forecast from given rows (pure: the view and the header share it). */
export function forecastOf(rows: readonly LedgerRow[], now: number, windowDays: number, account: AccountSummary | null | undefined, overall: SpendLimit | undefined): Forecast {
  const openRouter = burnRate(rows, now, windowDays, drawsOnOpenRouter);
  const all = burnRate(rows, now, windowDays);
  const left = account ? spendableMicros(account) : null;
  let monthlyBudget: Forecast['monthlyBudget'] = null;
  if (overall?.monthlyMicros) {
    const { monthStart, nextMonth } = budgetPeriods(now);
    let spent = 0;
    for (const r of rows) if (r.createdAt >= monthStart && r.createdAt < now) spent += rowCostMicros(r) ?? 0;
    monthlyBudget = { ...runOut(overall.monthlyMicros - spent, all, now), limitMicros: overall.monthlyMicros, monthEnd: nextMonth };
  }
  return { openRouter, all, balance: left ? runOut(left.micros, openRouter, now) : null, monthlyBudget };
}

const TICK_MS = 10 * 60_000;

/** The ledger of the last 31 days (enough for a 30-day window and the month so far) and the stored budgets. The
 * clock moves on every ledger write and every few minutes, so a window left open keeps a current forecast. */
export function useForecast(windowDays: number, account: AccountSummary | null | undefined, now?: number): Forecast | null {
  const [clock, setClock] = useState(() => now ?? Date.now());
  const at = now ?? clock;
  const { rows, loaded } = useLedgerRows({ from: at - 31 * DAY_MS });
  const [overall, setOverall] = useState<SpendLimit | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const load = () =>
      void ledger()
        .getSetting(BUDGETS_KEY)
        .then((l) => {
          if (!live) return;
          setOverall(cleanLimits(l as BudgetLimits | undefined).overall);
          setClock(Date.now());
        })
        .catch(() => {});
    load();
    const off = ledger().onChange(load);
    const timer = setInterval(() => setClock(Date.now()), TICK_MS);
    return () => {
      live = false;
      off();
      clearInterval(timer);
    };
  }, []);
  return useMemo(() => (loaded ? forecastOf(rows, at, windowDays, account, overall) : null), [loaded, rows, at, windowDays, account, overall]);
}
