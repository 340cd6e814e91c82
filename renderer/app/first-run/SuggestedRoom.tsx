import { useMemo, useState } from 'react';
import { useModels } from '../../common/models/use-models';
import { send, startDraft } from '../../chat/state/actions';
import { useRoom } from '../../common/room/room-store';
import { previewRequests } from '../../chat/state/preview';
import { useBudgetGate } from '../../money/budgets/use-budget-gate';
import { useUi } from '../../common/ui-store';
import { SAMPLE_PROMPT, suggestRoom, type SuggestionRole } from './suggest-room';
import { priceText } from './price-text';
import { useFirstRun } from '../../common/first-run-store';

const ROLE: Record<SuggestionRole, string> = { cheap: 'Cheap', strong: 'Strong', another: 'Another view', local: 'Local' };

/** Step two: three models the chosen provider serves, each with its price, and a sample prompt one click sends. */
export function SuggestedRoom({ upstreamId }: { upstreamId: string }) {
  const { models, loaded } = useModels();
  const suggestions = useMemo(() => suggestRoom(models, upstreamId), [models, upstreamId]);
  const [prompt, setPrompt] = useState(SAMPLE_PROMPT);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const gate = useBudgetGate();
  const openRoom = useUi((s) => s.openRoom);

  async function sendIt() {
    const text = prompt.trim();
    if (!text || suggestions.length === 0) return;
    setSending(true);
    setProblem(null);
    try {
      startDraft(suggestions.map((s) => ({ model: s.model.id, settings: {} })));
      const columns = useRoom.getState().draftColumns;
      const requests = previewRequests(columns, text);
      const ticket = await gate.allow(columns.map((c) => ({ columnId: c.id, model: c.model, request: requests.get(c.id)! })));
      if (!ticket) {
        setProblem('A budget of yours stops this send. Change it in Settings → Money, or send from the room below.');
        return;
      }
      const id = await send(text, [], ticket);
      useFirstRun.setState({ upstreamId: null });
      openRoom(id);
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setSending(false);
    }
  }

  if (!loaded) return <p role="status">Finding models…</p>;
  if (suggestions.length === 0) {
    return (
      <p role="status">
        This provider lists no model yet.{' '}
        <button type="button" className="link" onClick={() => useFirstRun.setState({ upstreamId: null })}>
          Choose another
        </button>
      </p>
    );
  }
  return (
    <section className="first-run-suggested" aria-labelledby="fr-suggested">
      <h2 id="fr-suggested">Your first room: {suggestions.length === 1 ? 'one model' : `${suggestions.length} models`}</h2>
      <ul className="first-run-models" aria-label="Suggested models">
        {suggestions.map((s) => (
          <li key={s.model.id} aria-label={s.model.id}>
            <span className="first-run-role">{ROLE[s.role]}</span>
            <strong className="first-run-model">{s.model.name}</strong>
            <span className="first-run-price">{priceText(s.model, s.role === 'local')}</span>
          </li>
        ))}
      </ul>
      <label className="first-run-prompt">
        Prompt
        <textarea aria-label="First prompt" rows={2} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
      </label>
      <div className="first-run-actions">
        <button type="button" className="primary" disabled={sending || !prompt.trim()} onClick={() => void sendIt()}>
          {suggestions.length === 3 ? 'Send to all three' : `Send to ${suggestions.length === 1 ? 'it' : 'both'}`}
        </button>
        <button type="button" className="link" onClick={() => useFirstRun.setState({ upstreamId: null })}>
          Choose another provider
        </button>
      </div>
      {problem ? <p role="alert" className="first-run-problem">{problem}</p> : null}
    </section>
  );
}
