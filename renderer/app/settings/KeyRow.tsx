import { useState, type FormEvent } from 'react';
import { bridge } from '../../bridge';
import { KeyTest } from './KeyTest';
import type { KeySummary } from '../../../shared/contract/routes';

// One upstream in Settings: where its key and base URL come from, whether it is the one in use, and what can be
// done with it (Test; for typed keys Replace key and Remove).

function originText(k: KeySummary): string {
  if (k.source === 'vault') return 'Typed in Settings';
  if (k.source === 'env') return `From the environment${k.envKeyVar ? ` (${k.envKeyVar})` : ''}`;
  return 'Detected on this machine';
}

function baseUrlOriginText(k: KeySummary): string {
  switch (k.baseUrlSource) {
    case 'typed':
      return 'typed';
    case 'env':
      return `from ${k.envBaseUrlVar ?? 'the environment'}`;
    case 'detected':
      return 'where it was found';
    default:
      return 'default';
  }
}

export function KeyRow({ k }: { k: KeySummary }) {
  const [replacing, setReplacing] = useState(false);
  const [apiKey, setApiKey] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  async function replace(e: FormEvent) {
    e.preventDefault();
    if (!apiKey) return;
    try {
      const saved = await bridge().invoke('keys.set', { id: k.id, kind: k.kind, label: k.label, ...(k.baseUrlSource === 'typed' && k.baseUrl ? { baseUrl: k.baseUrl } : {}), apiKey });
      setMessage(`Replaced: now ${saved.hint}`);
      setReplacing(false);
    } catch (err) {
      setMessage((err as Error).message);
    } finally {
      setApiKey(''); // the key leaves the renderer once and is never shown again
    }
  }

  return (
    <li className={k.inUse === false ? 'key-row key-unused' : 'key-row'} aria-label={k.label}>
      <div className="key-line">
        <span className="key-label">{k.label}</span>
        <span className="key-hint">{k.source === 'detected' ? 'running on this machine' : `configured ${k.hint}`}</span>
        {k.inUse === false ? <span className="badge badge-muted">not used: a key typed in Settings takes its place</span> : null}
        <span className="key-actions">
          <KeyTest id={k.id} label={k.label} />
          {k.source === 'vault' ? (
            <>
              <button type="button" className="small" aria-label={`Replace key of ${k.label}`} aria-expanded={replacing} onClick={() => setReplacing((r) => !r)}>
                Replace key
              </button>
              <button type="button" className="small danger" aria-label={`Remove ${k.label}`} onClick={() => void bridge().invoke('keys.remove', { id: k.id })}>
                Remove
              </button>
            </>
          ) : null}
        </span>
      </div>
      <div className="key-facts muted">
        {originText(k)}
        {k.baseUrl ? (
          <>
            {' · '}
            <code className="key-url">{k.baseUrl}</code> ({baseUrlOriginText(k)})
          </>
        ) : null}
      </div>
      {replacing ? (
        <form className="inline-form key-replace" aria-label={`New key for ${k.label}`} onSubmit={(e) => void replace(e)}>
          <input aria-label={`New API key for ${k.label}`} type="password" autoComplete="off" value={apiKey} autoFocus onChange={(e) => setApiKey(e.target.value)} />
          <button type="submit" className="primary" disabled={!apiKey}>
            Save key
          </button>
          <button type="button" className="small" onClick={() => setReplacing(false)}>
            Cancel
          </button>
        </form>
      ) : null}
      {message ? (
        <p className="key-message" role="status">
          {message}
        </p>
      ) : null}
    </li>
  );
}
