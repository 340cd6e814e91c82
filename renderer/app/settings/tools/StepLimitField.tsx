import { useState } from 'react';
import { bridge } from '../../../bridge';
import { useRouteValue } from '../../../bridge/use-route-value';
import { DEFAULT_TOOL_STEP_LIMIT, MAX_TOOL_STEP_LIMIT, MIN_TOOL_STEP_LIMIT } from '../../../../shared/tools/step-limit';

/** The whole number typed, or null when it is not one within the limits. */
export function parseStepLimit(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= MIN_TOOL_STEP_LIMIT && n <= MAX_TOOL_STEP_LIMIT ? n : null;
}

/** Settings → Tools: how many model steps a column's tool loop may take. Kept in main, which stops the loop there. */
export function StepLimitField() {
  const { value: settings } = useRouteValue('settings.get', {}, 'settings.changed');
  const current = settings?.toolStepLimit ?? DEFAULT_TOOL_STEP_LIMIT;
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  return (
    <form
      className="tool-step-limit"
      noValidate
      aria-label="Tool step limit"
      onSubmit={(e) => {
        e.preventDefault();
        const limit = parseStepLimit(text ?? String(current));
        if (limit === null) return setNote({ error: true, text: `Give a whole number from ${MIN_TOOL_STEP_LIMIT} to ${MAX_TOOL_STEP_LIMIT}.` });
        bridge()
          .invoke('settings.update', { toolStepLimit: limit })
          .then(
            () => {
              setText(null);
              setNote({ error: false, text: 'Saved.' });
            },
            (err: Error) => setNote({ error: true, text: err.message }),
          );
      }}
    >
      <label>
        Steps per answer, at most{' '}
        <input
          type="number"
          inputMode="numeric"
          min={MIN_TOOL_STEP_LIMIT}
          max={MAX_TOOL_STEP_LIMIT}
          value={text ?? String(current)}
          onChange={(e) => {
            setText(e.target.value);
            setNote(null);
          }}
        />
      </label>
      <button type="submit">Save</button>
      {note ? <span role={note.error ? 'alert' : 'status'} className={note.error ? 'error' : 'muted'}>{note.text}</span> : null}
      <p className="muted">Each step is a request to the model, billed on its own. A loop that reaches the limit stops there.</p>
    </form>
  );
}
