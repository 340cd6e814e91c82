import { useEffect, useState } from 'react';
import { ledger } from '../../common/ledger';
import { billingOf, type Billing } from '../../common/money/cost-text';

export type Reconciliation = Billing;

/** What OpenRouter billed for an answer, once the background check has run (it can lag by seconds or minutes). */
export function useReconciliation(generationId: string | undefined): Billing | null {
  const [state, setState] = useState<{ id: string; value: Billing | null } | null>(null);
  useEffect(() => {
    if (!generationId) return;
    let live = true;
    const load = () =>
      ledger()
        .get(generationId)
        .then(
          (row) => {
            if (live) setState({ id: generationId, value: billingOf(row) });
          },
          () => undefined,
        );
    void load();
    const off = ledger().onChange(() => void load());
    return () => {
      live = false;
      off();
    };
  }, [generationId]);
  return state && state.id === generationId ? state.value : null;
}
