import { useEffect, useState } from 'react';
import { ledger } from '../../money/ledger';

export interface Reconciliation {
  billedMicros: number;
  mismatch: boolean;
}

/** What OpenRouter billed for an answer, once the background check has run (it can lag by seconds or minutes). */
export function useReconciliation(generationId: string | undefined): Reconciliation | null {
  const [state, setState] = useState<{ id: string; value: Reconciliation | null } | null>(null);
  useEffect(() => {
    if (!generationId) return;
    let live = true;
    const load = () =>
      ledger()
        .get(generationId)
        .then(
          (row) => {
            if (!live) return;
            const value = row?.billedCostMicros !== undefined ? { billedMicros: row.billedCostMicros, mismatch: row.mismatch === true } : null;
            setState({ id: generationId, value });
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
