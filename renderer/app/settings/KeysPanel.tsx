import { useState, type FormEvent } from 'react';
import { bridge } from '../../bridge';
import { useRouteValue } from '../../bridge/use-route-value';
import { KeyRow } from './KeyRow';
import type { KeySummary } from '../../../shared/contract/routes';
import { UPSTREAM_KIND_INFO, UPSTREAM_KINDS } from '../../../shared/providers/upstream-kinds';

const KINDS = UPSTREAM_KINDS.map((kind) => ({ kind, label: UPSTREAM_KIND_INFO[kind].formLabel }));

const PROTECTION = {
  'os-keychain': 'Keys are stored only in the main process, sealed by your operating system’s keychain.',
  'local-file': 'Keys are stored only in the main process, sealed with a key file in Parley’s data folder (browser mode).',
  basic: 'No OS keyring was found: keys are sealed with Chromium’s basic fallback only. Install a keyring (e.g. GNOME Keyring or KWallet) for real protection.',
} as const;

/** The first kind in the form's order with no key yet; the first kind when every one has one. */
export function firstUnconfiguredKind(keys: readonly Pick<KeySummary, 'kind'>[]): KeySummary['kind'] {
  return UPSTREAM_KINDS.find((k) => !keys.some((c) => c.kind === k)) ?? UPSTREAM_KINDS[0];
}

export function KeysPanel() {
  const { value: keys, error } = useRouteValue('keys.list', {}, 'keys.changed');
  const { value: info } = useRouteValue('app.info', {});
  const [adding, setAdding] = useState(false);
  const [chosenKind, setKind] = useState<KeySummary['kind'] | null>(null);
  // the form starts on the first provider not configured yet (OpenRouter only when it is not)
  const kind = chosenKind ?? firstUnconfiguredKind(keys ?? []);
  const [label, setLabel] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // where a key of this kind goes without a base URL of its own: the environment's *_BASE_URL, else the default
  const envBase = keys?.find((k) => k.kind === kind && k.baseUrlSource === 'env' && k.envBaseUrlVar && k.baseUrl);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const typed = apiKey;
    setApiKey(''); // the key leaves the renderer once and is never shown again (it comes back only if saving fails)
    try {
      const saved = await bridge().invoke('keys.set', {
        kind,
        label: label.trim() || UPSTREAM_KIND_INFO[kind].label,
        ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
        ...(typed ? { apiKey: typed } : {}),
      });
      setLabel('');
      setBaseUrl('');
      setKind(null);
      setAdding(false);
      setMessage(`Saved ${saved.label} (${saved.hint})`);
    } catch (err) {
      setApiKey((k) => k || typed); // nothing typed is lost
      setMessage((err as Error).message);
    }
  }

  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">Providers and keys</h2>
      {error && <p role="alert">{error}</p>}
      {info && <p className="key-protection">{PROTECTION[info.keyProtection]}</p>}
      <ul className="key-list" aria-label="Configured providers">
        {keys?.length === 0 && <li className="empty-state">No provider configured.</li>}
        {keys?.map((k) => <KeyRow key={k.id} k={k} />)}
      </ul>
      {!(adding || keys?.length === 0) ? (
        <p className="key-form-toggle">
          <button type="button" onClick={() => setAdding(true)}>
            Add a key
          </button>
          {message && <span role="status"> {message}</span>}
        </p>
      ) : (
        <form className="key-form" onSubmit={(e) => void submit(e)} aria-label="Add a provider">
          <label>
            Provider
            <select aria-label="Provider" value={kind} onChange={(e) => setKind(e.target.value as KeySummary['kind'])}>
              {KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Name
            <input aria-label="Name" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Work OpenAI" />
          </label>
          <label>
            Base URL (optional)
            <input aria-label="Base URL" title={envBase ? `Without one, the key goes to ${envBase.envBaseUrlVar}: ${envBase.baseUrl}` : undefined} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder={envBase?.baseUrl ?? UPSTREAM_KIND_INFO[kind].defaultBaseUrl} />
          </label>
          <label className="key-form-wide">
            API key
            <input aria-label="API key" type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} />
          </label>
          <div className="key-form-actions">
            <button type="submit" className="primary">
              Save
            </button>
            {keys?.length ? (
              <button type="button" onClick={() => setAdding(false)}>
                Cancel
              </button>
            ) : null}
            {message && <span role="status">{message}</span>}
          </div>
        </form>
      )}
    </section>
  );
}
