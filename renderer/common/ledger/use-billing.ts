import { useEffect, useState } from 'react';
import { billingOf, type Billing } from '../money/cost-text';
import { ledger } from './index';

const EMPTY: ReadonlyMap<string, Billing> = new Map();

/** What OpenRouter billed for each reconciled request of a conversation (generation id → bill), re-read after
 * every ledger write, so room and column totals use the bill as soon as it is known. */
export function useConversationBilling(conversationId: string | null | undefined): ReadonlyMap<string, Billing> {
  const [state, setState] = useState<{ id: string; map: ReadonlyMap<string, Billing> } | null>(null);
  useEffect(() => {
    if (!conversationId) return;
    let live = true;
    const load = () =>
      ledger()
        .list({ conversationId })
        .then(
          (rows) => {
            if (!live) return;
            const map = new Map<string, Billing>();
            for (const r of rows) {
              const b = billingOf(r);
              if (b) map.set(r.id, b);
            }
            setState((s) => (s && s.id === conversationId && sameBilling(s.map, map) ? s : { id: conversationId, map }));
          },
          () => undefined,
        );
    void load();
    const off = ledger().onChange(() => void load());
    return () => {
      live = false;
      off();
    };
  }, [conversationId]);
  return state && state.id === conversationId ? state.map : EMPTY;
}

function sameBilling(a: ReadonlyMap<string, Billing>, b: ReadonlyMap<string, Billing>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k)?.billedMicros !== v.billedMicros) return false;
  return true;
}
