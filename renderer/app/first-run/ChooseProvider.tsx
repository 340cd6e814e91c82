import { useEffect, useState, type FormEvent } from 'react';
import { ExternalLink, RefreshCw } from 'lucide-react';
import { bridge } from '../../bridge';
import { openExternalLink } from '../../chat/markdown/open-link';
import type { LocalServer } from '../../../shared/contract/local-servers';
import type { UpstreamKind } from '../../../shared/providers/upstream-kinds';

const OPENROUTER_KEYS_URL = 'https://openrouter.ai/settings/keys';

const DIRECT: { value: string; label: string; kind: UpstreamKind; needsUrl?: boolean }[] = [
  { value: 'openai', label: 'OpenAI', kind: 'openai-compatible' },
  { value: 'anthropic', label: 'Anthropic', kind: 'anthropic' },
  { value: 'gemini', label: 'Google Gemini', kind: 'gemini' },
  { value: 'compatible', label: 'Another OpenAI-compatible server', kind: 'openai-compatible', needsUrl: true },
];

/** Saves a key and tests it by listing the provider's models; a key that fails the test is removed again (and
 * given back to the form, so nothing typed is lost). Returns the provider's id, or throws with what went wrong. */
async function saveAndTest(input: { kind: UpstreamKind; label: string; apiKey: string; baseUrl?: string }): Promise<string> {
  const saved = await bridge().invoke('keys.set', input);
  const test = await bridge().invoke('keys.test', { id: saved.id });
  if (test.ok) return saved.id;
  await bridge().invoke('keys.remove', { id: saved.id }).catch(() => {});
  throw new Error(test.status ? `The provider said no (HTTP ${test.status}): ${test.message}` : test.message);
}

/** Step one: where the answers come from — OpenRouter, a provider directly, or a server on this machine. */
export function ChooseProvider({ onChosen }: { onChosen: (upstreamId: string) => void }) {
  return (
    <div className="first-run-choices">
      <OpenRouterChoice onChosen={onChosen} />
      <DirectChoice onChosen={onChosen} />
      <LocalChoice onChosen={onChosen} />
    </div>
  );
}

function useKeyForm(run: (apiKey: string) => Promise<void>) {
  const [apiKey, setApiKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const typed = apiKey.trim();
    if (!typed) return setProblem('Paste a key first.');
    setBusy(true);
    setProblem(null);
    setApiKey(''); // the key leaves the page once; it comes back only if the test fails
    try {
      await run(typed);
    } catch (err) {
      setApiKey((k) => k || typed);
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { apiKey, setApiKey, busy, problem, submit };
}

function OpenRouterChoice({ onChosen }: { onChosen: (id: string) => void }) {
  const form = useKeyForm(async (apiKey) => onChosen(await saveAndTest({ kind: 'openrouter', label: 'OpenRouter', apiKey })));
  return (
    <section className="first-run-choice" aria-labelledby="fr-openrouter">
      <h2 id="fr-openrouter">OpenRouter</h2>
      <p className="muted">One key for hundreds of models from every maker. Pay as you go.</p>
      <button type="button" className="link" onClick={() => void openExternalLink(OPENROUTER_KEYS_URL)}>
        Create a key on openrouter.ai <ExternalLink aria-hidden className="inline-icon" />
      </button>
      <form onSubmit={(e) => void form.submit(e)} aria-label="Use OpenRouter">
        <input aria-label="OpenRouter key" type="password" autoComplete="off" placeholder="sk-or-…" value={form.apiKey} onChange={(e) => form.setApiKey(e.target.value)} />
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? 'Testing…' : 'Test and use'}
        </button>
      </form>
      {form.problem ? <p role="alert" className="first-run-problem">{form.problem}</p> : null}
    </section>
  );
}

function DirectChoice({ onChosen }: { onChosen: (id: string) => void }) {
  const [which, setWhich] = useState(DIRECT[0]!.value);
  const [baseUrl, setBaseUrl] = useState('');
  const choice = DIRECT.find((d) => d.value === which)!;
  const form = useKeyForm(async (apiKey) => {
    const url = baseUrl.trim();
    if (choice.needsUrl && !/^https?:\/\/\S+$/.test(url)) throw new Error('Type the server’s address, e.g. http://localhost:8000/v1');
    onChosen(await saveAndTest({ kind: choice.kind, label: choice.needsUrl ? hostLabel(url) : choice.label, apiKey, ...(choice.needsUrl ? { baseUrl: url } : {}) }));
  });
  return (
    <section className="first-run-choice" aria-labelledby="fr-direct">
      <h2 id="fr-direct">A provider directly</h2>
      <p className="muted">Your own key with OpenAI, Anthropic, Google, or any OpenAI-compatible server.</p>
      <form onSubmit={(e) => void form.submit(e)} aria-label="Use a provider directly">
        <select aria-label="Provider" value={which} onChange={(e) => setWhich(e.target.value)}>
          {DIRECT.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
        {choice.needsUrl ? <input aria-label="Server address" placeholder="http://localhost:8000/v1" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} /> : null}
        <input aria-label="API key" type="password" autoComplete="off" placeholder="API key" value={form.apiKey} onChange={(e) => form.setApiKey(e.target.value)} />
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? 'Testing…' : 'Test and use'}
        </button>
      </form>
      {form.problem ? <p role="alert" className="first-run-problem">{form.problem}</p> : null}
    </section>
  );
}

function hostLabel(url: string): string {
  try {
    return new URL(url).host.slice(0, 64);
  } catch {
    return 'My server';
  }
}

function LocalChoice({ onChosen }: { onChosen: (id: string) => void }) {
  const [found, setFound] = useState<LocalServer[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    bridge()
      .invoke('localServers.detect', {})
      .then(
        (list) => live && setFound(list),
        (err: Error) => {
          if (!live) return;
          setFound([]);
          setProblem(err.message);
        },
      );
    return () => {
      live = false;
    };
  }, [round]);
  const look = () => {
    setFound(null);
    setProblem(null);
    setRound((r) => r + 1);
  };
  return (
    <section className="first-run-choice" aria-labelledby="fr-local">
      <h2 id="fr-local">On this machine</h2>
      <p className="muted">Ollama or LM Studio running here: free, and nothing leaves your computer.</p>
      {found === null ? (
        <p className="muted" role="status">Looking for Ollama and LM Studio…</p>
      ) : found.length === 0 ? (
        <p role="status">{problem ?? 'No Ollama or LM Studio found on this machine.'}</p>
      ) : (
        <ul className="first-run-local" aria-label="Found on this machine">
          {found.map((s) => (
            <li key={s.id}>
              <span>
                <strong>{s.label}</strong> <span className="muted">{s.models.length === 1 ? '1 model' : `${s.models.length} models`}</span>
              </span>
              <button type="button" className="primary" disabled={s.models.length === 0} onClick={() => onChosen(s.id)}>
                Use {s.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="small" onClick={look} disabled={found === null}>
        <RefreshCw aria-hidden className="inline-icon" /> Look again
      </button>
    </section>
  );
}
