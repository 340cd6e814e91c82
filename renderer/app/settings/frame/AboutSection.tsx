import { bridge } from '../../../bridge';
import { useRouteValue } from '../../../bridge/use-route-value';
import type { AppSettings } from '../../../../shared/contract/routes';

const PROTECTION = { 'os-keychain': 'the operating system’s keychain', 'local-file': 'a key file in Parley’s data folder', basic: 'Chromium’s basic fallback' } as const;

/** Settings → About: the version, where keys are sealed, and the theme. */
export function AboutSection() {
  const { value: settings } = useRouteValue('settings.get', {}, 'settings.changed');
  const { value: info } = useRouteValue('app.info', {});
  return (
    <>
      <section aria-labelledby="about-heading">
        <h2 id="about-heading">About</h2>
        {info ? (
          <dl className="about-facts">
            <dt>Version</dt>
            <dd>{info.version}</dd>
            <dt>Running as</dt>
            <dd>{info.transport === 'electron' ? 'Desktop app' : 'Browser (local host)'} on {info.platform}</dd>
            <dt>Key protection</dt>
            <dd>{PROTECTION[info.keyProtection]}</dd>
          </dl>
        ) : null}
      </section>
      <section aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">Appearance</h2>
        <label>
          Theme{' '}
          <select
            aria-label="Theme"
            value={settings?.theme ?? 'system'}
            onChange={(e) => void bridge().invoke('settings.update', { theme: e.target.value as AppSettings['theme'] })}
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </section>
    </>
  );
}
