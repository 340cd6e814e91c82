import { useCallback, useState } from 'react';
import { checkBudgetBeforeSend, type BudgetCheck } from './budget-check';

/** For the composer: `allow(models)` before sending; when it says no, `blocked` holds what to show and
 * `overrideOnce()` lets the next `allow` through. */
export function useBudgetGate() {
  const [blocked, setBlocked] = useState<BudgetCheck | null>(null);
  const allow = useCallback(async (models: string[]): Promise<boolean> => {
    const check = await checkBudgetBeforeSend(models);
    if (check.state === 'blocked') {
      setBlocked(check);
      return false;
    }
    setBlocked(null);
    return true;
  }, []);
  const overrideOnce = useCallback(() => {
    blocked?.override();
    setBlocked(null);
  }, [blocked]);
  const dismiss = useCallback(() => setBlocked(null), []);
  return { allow, blocked, overrideOnce, dismiss };
}

export type BudgetGate = ReturnType<typeof useBudgetGate>;
