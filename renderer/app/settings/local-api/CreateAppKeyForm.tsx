import { useState, type FormEvent } from 'react';
import { bridge } from '../../../bridge';
import { LimitInputs } from './LimitInputs';
import { limitsOf, type LimitFields } from './limit-fields';

const EMPTY: LimitFields = { limit: '', daily: '', monthly: '' };

/** Creates an app key and shows its token once: Parley keeps only a hash of it. */
export function CreateAppKeyForm() {
  const [label, setLabel] = useState('');
  const [fields, setFields] = useState<LimitFields>(EMPTY);
  const [created, setCreated] = useState<{ label: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const limits = limitsOf(fields);
    if (typeof limits === 'string') return setError(limits);
    if (!label.trim()) return setError('Give the key a name, such as the app that will use it.');
    try {
      const { key, token } = await bridge().invoke('apiKeys.create', { label: label.trim(), ...limits });
      setCreated({ label: key.label, token });
      setLabel('');
      setFields(EMPTY);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <form className="money-form" aria-label="Create an app key" onSubmit={(e) => void submit(e)}>
      <label>
        App name
        <input aria-label="App name" value={label} maxLength={64} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Editor plugin" />
      </label>
      <LimitInputs who="New key" fields={fields} onChange={setFields} />
      <div className="money-form-actions">
        <button type="submit" className="primary">Create key</button>
        {error ? <span role="alert" className="error">{error}</span> : null}
      </div>
      {created ? (
        <div className="new-app-key" role="status">
          <p>
            Key for <strong>{created.label}</strong>. Copy it now: Parley keeps only a hash and will not show it again.
          </p>
          <output aria-label="New app key">{created.token}</output>{' '}
          <button type="button" onClick={() => setCreated(null)}>Done</button>
        </div>
      ) : null}
    </form>
  );
}
