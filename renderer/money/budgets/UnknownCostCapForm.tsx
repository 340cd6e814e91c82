import { useState } from 'react';
import { bridge } from '../../bridge';
import { useRouteValue } from '../../bridge/use-route-value';
import { DEFAULT_UNKNOWN_COST_CAP_MICROS } from '../../../shared/billing/budgets';
import { microsToField, parseUsdField } from '../money-inputs';

/** Settings → Spend limits: what a budget holds for a request whose worst-case cost Parley cannot bound (a model
 * without a known price or output limit), while it runs. Kept in main: the local API's app keys use it too. */
export function UnknownCostCapForm() {
  const { value: settings } = useRouteValue('settings.get', {}, 'settings.changed');
  const current = settings?.unknownCostCapMicros ?? DEFAULT_UNKNOWN_COST_CAP_MICROS;
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  return (
    <form
      className="money-form-actions"
      aria-label="Cost assumed when unknown"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseUsdField(text ?? microsToField(current));
        if (!parsed.ok || parsed.micros === null) return setNote({ error: true, text: 'Give a dollar amount, 0 or more.' });
        bridge()
          .invoke('settings.update', { unknownCostCapMicros: parsed.micros })
          .then(() => setNote({ error: false, text: 'Saved.' }), (err: Error) => setNote({ error: true, text: err.message }));
      }}
    >
      <label>
        Cost assumed for a request Parley cannot bound (USD){' '}
        <input inputMode="decimal" value={text ?? microsToField(current)} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="primary">Save assumed cost</button>
      {note ? <span role={note.error ? 'alert' : 'status'} className={note.error ? 'error' : 'muted'}>{note.text}</span> : null}
    </form>
  );
}
