import { useEffect, useMemo, useState } from 'react';
import { X } from 'lucide-react';
import { formatMicros } from '../../../shared/billing/money';
import type { ReplaySource } from '../../history/db/types';
import { useModels } from '../../common/models/use-models';
import { estimateReplay, type ReplayEstimate } from './replay-estimate';
import { startReplay } from './run-replay';
import { sourceTurn } from './source-context';

/** Choose prompts and models, see what it may cost, start: the past prompts run again as blind turns. */
export function ReplayDialog({ sources, suggestedModels, onClose, onStarted }: {
  sources: ReplaySource[];
  suggestedModels: string[];
  onClose: () => void;
  onStarted: (conversationId: string) => void;
}) {
  const { models: catalog } = useModels();
  const [picked, setPicked] = useState(() => new Set(sources.map((s) => s.promptId)));
  const [models, setModels] = useState<string[]>(suggestedModels);
  const [adding, setAdding] = useState('');
  const [turns, setTurns] = useState<Map<string, Awaited<ReturnType<typeof sourceTurn>>> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all(sources.map(async (s) => [s.promptId, await sourceTurn(s).catch(() => null)] as const)).then((list) => {
      if (live) setTurns(new Map(list.filter((x): x is [string, Awaited<ReturnType<typeof sourceTurn>>] => x[1] !== null)));
    });
    return () => {
      live = false;
    };
  }, [sources]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const chosen = sources.filter((s) => picked.has(s.promptId));
  const estimate: ReplayEstimate | null = useMemo(
    () => (turns ? estimateReplay(chosen.flatMap((s) => (turns.get(s.promptId) ? [turns.get(s.promptId)!] : [])), models, catalog) : null),
    [turns, chosen, models, catalog],
  );
  const add = () => {
    const slug = adding.trim();
    if (slug && !models.includes(slug)) setModels([...models, slug]);
    setAdding('');
  };
  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onStarted(await startReplay(chosen, models));
    } catch (err) {
      setProblem((err as Error).message);
      setBusy(false);
    }
  };
  const cost = estimate ? `${formatMicros(estimate.lowMicros)}–${formatMicros(estimate.highMicros)}` : 'estimating…';

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="picker replay-dialog" role="dialog" aria-modal="true" aria-label="Replay prompts">
        <h2>Replay prompts on other models</h2>
        <p className="muted">
          Each prompt is asked again with the history it was first asked with, one blind turn per prompt in a new room. Vote as usual: the votes count in
          your leaderboard (filter it by the replay’s room).
        </p>
        <fieldset className="replay-prompts">
          <legend>Prompts ({chosen.length} of {sources.length})</legend>
          <ul>
            {sources.map((s) => (
              <li key={s.promptId}>
                <label>
                  <input
                    type="checkbox"
                    checked={picked.has(s.promptId)}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.target.checked) next.add(s.promptId);
                      else next.delete(s.promptId);
                      setPicked(next);
                    }}
                  />
                  {s.excerpt || '(no text)'}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="replay-models" role="group" aria-label="Models to run them on">
          {models.map((m) => (
            <span key={m} className="chip">
              {m}
              <button type="button" className="small icon" aria-label={`Remove ${m}`} title={`Remove ${m}`} onClick={() => setModels(models.filter((x) => x !== m))}>
                <X size={12} aria-hidden="true" />
              </button>
            </span>
          ))}
          <form
            className="reprice-add"
            onSubmit={(e) => {
              e.preventDefault();
              add();
            }}
          >
            <input list="replay-models" value={adding} onChange={(e) => setAdding(e.target.value)} placeholder="add a model, e.g. a new one" aria-label="Model to add" />
            <datalist id="replay-models">
              {catalog.map((m) => <option key={m.id} value={m.id} />)}
            </datalist>
            <button type="submit" className="small">Add</button>
          </form>
        </div>
        <p role="status" className="replay-estimate">
          {chosen.length} prompt{chosen.length === 1 ? '' : 's'} × {models.length} model{models.length === 1 ? '' : 's'}: about {cost}
          {estimate?.unpricedModels.length ? ` (+ ${estimate.unpricedModels.join(', ')}: no price)` : ''}
        </p>
        {problem ? <p className="error" role="alert">{problem}</p> : null}
        <div className="replay-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="button" className="primary" disabled={busy || !chosen.length || !models.length} onClick={() => void start()}>
            Start replay
          </button>
        </div>
      </div>
    </div>
  );
}
