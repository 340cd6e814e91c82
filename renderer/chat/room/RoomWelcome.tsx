import { useUi } from '../../common/ui-store';
import { useRouteValue } from '../../bridge/use-route-value';
import { usePicker } from '../models/picker-store';
import { useModelSets } from '../models/use-model-sets';
import { useModels } from '../../common/models/use-models';
import { startDraft } from '../state/actions';
import { deleteModelSet } from '../models/model-sets';
import { assistantsPanelSlot, firstRunSlot } from '../../common/slots/room-slots';
import { firstRunShown, useFirstRun } from '../../common/first-run-store';

/** A new chat with no model yet: what to do first, and the saved model sets to start from. */
export function RoomWelcome() {
  const openSettings = useUi((s) => s.openSettings);
  const openPicker = usePicker((s) => s.open);
  const sets = useModelSets();
  const { value: keys, error: keysError } = useRouteValue('keys.list', {}, 'keys.changed');
  const configured = keys?.length ?? 0;
  const firstRun = useFirstRun();
  const { models, loaded: modelsLoaded, error: modelsError } = useModels();
  // Until the keys and the models are known, whether the first run or this welcome applies is not: neither flashes
  // up only to give way to the other.
  const deciding = !firstRun.skipped && !firstRun.upstreamId && ((keys === undefined && !keysError) || (!modelsLoaded && !modelsError));
  if (deciding) return <div className="welcome" aria-label="Welcome" aria-busy="true" />;
  if (firstRunShown(keys, models, firstRun)) return <firstRunSlot.Slot />;
  return (
    <div className="welcome" aria-label="Welcome">
      <h1>Talk to many models at once</h1>
      {configured === 0 ? (
        <p>
          No provider is configured yet. <button type="button" className="link" onClick={() => openSettings()}>Add a key</button>{' '}
          for OpenRouter, OpenAI, Anthropic, Google Gemini or a local OpenAI-compatible server.
        </p>
      ) : (
        <p>{configured === 1 ? '1 provider is' : `${configured} providers are`} configured.</p>
      )}
      <p>
        <button type="button" className="primary" onClick={() => openPicker({ kind: 'add-column' })}>
          Add a model
        </button>{' '}
        <span className="muted">(Ctrl+K) — add several to compare them side by side.</span>
      </p>
      {sets.length ? (
        <section aria-label="Saved model sets">
          <h2>Your model sets</h2>
          <ul className="model-sets">
            {sets.map((s) => (
              <li key={s.id}>
                <button type="button" onClick={() => startDraft(s.columns)} aria-label={`Use model set ${s.name}`}>
                  {s.name}
                </button>{' '}
                <span className="muted">{s.columns.map((c) => c.model).join(', ')}</span>{' '}
                <button type="button" className="small danger" aria-label={`Delete model set ${s.name}`} onClick={() => void deleteModelSet(s.id)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <assistantsPanelSlot.Slot />
    </div>
  );
}
