import { useEffect, useState } from 'react';
import type { BudgetMessage } from '../../../shared/billing/budgets';
import { ledger } from '../../common/ledger';
import { evaluateSend, loadBudgetContext } from './budget-check';

/** Every budget at 80 % or more, above the page; re-checked after each ledger write. */
export function useBudgetMessages(): BudgetMessage[] {
  const [messages, setMessages] = useState<BudgetMessage[]>([]);
  useEffect(() => {
    let live = true;
    let token = 0;
    const check = () => {
      const mine = ++token;
      loadBudgetContext()
        .then((ctx) => evaluateSend(ctx, null, false).messages)
        .then(
          (m) => live && mine === token && setMessages(m),
          (err: Error) => console.error('budget banner:', err.message),
        );
    };
    check();
    const off = ledger().onChange(check);
    return () => {
      live = false;
      off();
    };
  }, []);
  return messages;
}

export function BudgetBanner() {
  const messages = useBudgetMessages();
  if (messages.length === 0) return null;
  const blocked = messages.some((m) => m.level === 'blocked');
  return (
    <div className={`budget-banner${blocked ? ' blocked' : ''}`} role="status" aria-label="Spend limits">
      <ul>
        {messages.map((m) => (
          <li key={`${m.scope}-${m.provider ?? ''}-${m.period}`}>{m.text}</li>
        ))}
      </ul>
    </div>
  );
}
