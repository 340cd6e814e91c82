import { useState } from 'react';
import { bridge } from '../../../bridge';
import { useRouteValue } from '../../../bridge/use-route-value';
import { AppKeyRow } from './AppKeyRow';
import { CopyButton } from '../frame/CopyButton';
import { CorsOriginsForm } from './CorsOriginsForm';
import { CreateAppKeyForm } from './CreateAppKeyForm';

/** Settings → Local API: OpenRouter's API on 127.0.0.1 for the other apps on this machine, with a key per app. */
export function LocalApiSection() {
  const { value: settings } = useRouteValue('settings.get', {}, 'settings.changed');
  const { value: status, reload } = useRouteValue('api.status', {});
  const { value: keys, error } = useRouteValue('apiKeys.list', {}, 'apiKeys.changed');
  const [port, setPort] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function apply(patch: { localApiEnabled?: boolean; localApiPort?: number }) {
    setProblem(null);
    try {
      await bridge().invoke('settings.update', patch);
    } catch (err) {
      setProblem((err as Error).message);
    }
    reload();
  }

  const portText = port ?? String(settings?.localApiPort ?? 8788);
  return (
    <section aria-labelledby="local-api-heading">
      <h2 id="local-api-heading">Local API</h2>
      <p className="muted">
        Other apps on this machine can use Parley as their OpenRouter: point an OpenAI or OpenRouter client at the address below with one of these
        keys. Their requests are routed like Parley’s own and appear in Activity under their key.
      </p>
      <div className="local-api-controls">
        <label>
          <input
            type="checkbox"
            aria-label="Serve the local API"
            checked={settings?.localApiEnabled ?? false}
            onChange={(e) => void apply({ localApiEnabled: e.target.checked })}
          />{' '}
          Serve the local API
        </label>
        <label>
          Port{' '}
          <input
            aria-label="Local API port"
            inputMode="numeric"
            value={portText}
            onChange={(e) => setPort(e.target.value)}
            onBlur={() => {
              const n = Number(portText);
              if (!Number.isInteger(n) || n < 0 || n > 65535) return setProblem('The port is a whole number from 0 to 65535 (0: any free port).');
              setPort(null);
              if (n !== settings?.localApiPort) void apply({ localApiPort: n });
            }}
          />
        </label>
      </div>
      {status?.running ? (
        <p>
          Serving at{' '}
          <span className="copy-field">
            <code aria-label="Local API address">{status.url}</code>
            <CopyButton text={status.url ?? ''} what="the local API address" />
          </span>
        </p>
      ) : (
        <p className="muted">{status?.error ?? 'Not serving.'}</p>
      )}
      {problem ? <p role="alert" className="error">{problem}</p> : null}
      <h3>App keys</h3>
      {error ? <p role="alert" className="error">{error}</p> : null}
      <table className="activity-table app-keys" aria-label="App keys">
        <thead>
          <tr>
            <th scope="col">App</th>
            <th scope="col">Key</th>
            <th scope="col">State</th>
            <th scope="col">Spent</th>
            <th scope="col">Limits (UTC days and months)</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {keys?.length === 0 ? (
            <tr>
              <td colSpan={6} className="empty-state">No app key yet.</td>
            </tr>
          ) : null}
          {keys?.map((k) => <AppKeyRow key={`${k.id}:${k.label}:${k.limitMicros}:${k.dailyMicros}:${k.monthlyMicros}`} k={k} />)}
        </tbody>
      </table>
      <CreateAppKeyForm />
      <h3>Browser apps</h3>
      <p className="muted">
        Off unless you allow an origin. Allowed origins may call the API from web pages (never with cookies); every other web page is refused.
      </p>
      {settings ? <CorsOriginsForm origins={settings.localApiCorsOrigins} /> : null}
    </section>
  );
}
