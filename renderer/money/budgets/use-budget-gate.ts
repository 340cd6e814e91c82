import { useCallback, useState } from 'react';
import { checkBudgetBeforeSend, type BudgetCheck, type SendColumn } from './budget-check';
import { placeHolds, type SendTicket } from '../../common/money/send-holds';

/** For the composer: `allow(columns)` before sending gives the send's ticket (its columns' holds), or null when it
 * says no; then `blocked` holds what to show and `overrideOnce()` lets the next `allow` through. */
export function useBudgetGate() {
  const [blocked, setBlocked] = useState<BudgetCheck | null>(null);
  const allow = useCallback(async (columns: (string | SendColumn)[]): Promise<SendTicket | null> => {
    const check = await checkBudgetBeforeSend(columns);
    if (check.state === 'blocked') {
      setBlocked(check);
      return null;
    }
    setBlocked(null);
    return check.ticket ?? placeHolds([]);
  }, []);
  const overrideOnce = useCallback(() => {
    blocked?.override();
    setBlocked(null);
  }, [blocked]);
  const dismiss = useCallback(() => setBlocked(null), []);
  return { allow, blocked, overrideOnce, dismiss };
}

export type BudgetGate = ReturnType<typeof useBudgetGate>;
