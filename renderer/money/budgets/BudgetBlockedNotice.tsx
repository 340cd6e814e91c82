import type { BudgetGate } from './use-budget-gate';

/** Shown in the composer when a budget stopped a send: why, and a one-click "send once anyway". */
export function BudgetBlockedNotice({ gate, onSendAnyway }: { gate: BudgetGate; onSendAnyway: () => void }) {
  const check = gate.blocked;
  if (!check) return null;
  return (
    <div className="budget-blocked" role="alert" aria-label="Spend limit reached">
      <ul>
        {check.messages.filter((m) => m.level === 'blocked').map((m) => (
          <li key={`${m.scope}-${m.provider ?? ''}-${m.period}`}>{m.text}</li>
        ))}
      </ul>
      <button
        type="button"
        className="small"
        onClick={() => {
          gate.overrideOnce();
          onSendAnyway();
        }}
      >
        Send this once anyway
      </button>{' '}
      <button type="button" className="small" onClick={gate.dismiss}>
        Don’t send
      </button>
    </div>
  );
}
