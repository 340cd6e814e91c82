import { useEffect, useState } from 'react';
import type { ReplayPlan } from '../../history/db/types';
import { isRunningHere, onReplayChange, pauseReplay, resumeReplay } from './run-replay';

/** A replay room's progress, with Pause and Resume. A plan stored as running that no runner drives here was cut
 * by a restart: it is shown as paused, ready to resume. */
export function ReplayBanner({ conversationId, plan }: { conversationId: string; plan: ReplayPlan }) {
  const [, setTick] = useState(0);
  useEffect(() => onReplayChange(() => setTick((t) => t + 1)), []);
  const here = isRunningHere(conversationId);
  const interrupted = plan.state === 'running' && !here;
  const state = plan.state === 'done' ? 'done' : plan.state === 'paused' || interrupted ? 'paused' : 'running';
  return (
    <div className="replay-banner" role="status" aria-label="Replay progress">
      <span>
        Replay: {plan.next} of {plan.sources.length} prompts sent
        {state === 'done' ? ' · finished' : state === 'paused' ? (interrupted ? ' · stopped when Parley closed' : ' · paused') : ' · running'}
      </span>
      {state === 'running' ? (
        <button type="button" className="small" onClick={() => void pauseReplay(conversationId)}>Pause replay</button>
      ) : state === 'paused' ? (
        <button type="button" className="small" onClick={() => void resumeReplay(conversationId)}>Resume replay</button>
      ) : null}
    </div>
  );
}
