import { useUi } from '../state/ui-store';
import { useRouteValue } from '../state/use-route';

export function RoomPlaceholder() {
  const openSettings = useUi((s) => s.openSettings);
  const { value: keys } = useRouteValue('keys.list', {}, 'keys.changed');
  const configured = keys?.length ?? 0;
  return (
    <section className="welcome" aria-label="Welcome">
      <h1>Talk to many models at once</h1>
      {configured === 0 ? (
        <p>
          No provider is configured yet. <button type="button" className="link" onClick={openSettings}>Add a key</button>{' '}
          for OpenRouter, OpenAI, Anthropic, Google Gemini or a local OpenAI-compatible server.
        </p>
      ) : (
        <p>{configured === 1 ? '1 provider is' : `${configured} providers are`} configured.</p>
      )}
    </section>
  );
}
