import { memo, useState } from 'react';
import { Wrench } from 'lucide-react';
import { bridge } from '../../bridge';
import type { ApprovalChoice, ToolCallRecord } from '../../../shared/tools/tool-steps';
import { prettyArguments } from './result-text';
import { ToolResultView } from './ToolResultView';

const DECISION_TEXT: Record<ToolCallRecord['decision'], string> = {
  pending: 'waiting for you',
  'allowed-once': 'allowed once',
  'always-allowed': 'always allowed in this room',
  'pre-approved': 'always allowed in this room',
  denied: 'denied',
  invalid: 'not run',
  stopped: 'stopped',
};

/** One tool call: the tool, its server and the exact arguments; while it waits, Allow once / Always allow / Deny
 * (main keeps the waiting card, so it is here again after a reload); then its result or why it did not run. */
export const ToolCallCard = memo(function ToolCallCard({ call, streamId }: { call: ToolCallRecord; streamId: string | null }) {
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const tool = call.tool ?? call.functionName;
  const waiting = call.decision === 'pending';
  const answer = (choice: ApprovalChoice) => {
    if (!streamId) return;
    setSending(true);
    setProblem(null);
    bridge()
      .invoke('chat.approveTool', { streamId, callId: call.callId, choice })
      .then(
        (r) => {
          if (!r.accepted) setProblem('This call is no longer waiting.');
        },
        (err: Error) => setProblem(`Could not answer: ${err.message}`),
      )
      .finally(() => setSending(false));
  };
  const ran = call.result !== null;
  return (
    <section className={`tool-card tool-card-${call.decision}`} aria-label={`Tool call ${tool}${call.serverName ? ` on ${call.serverName}` : ''}`}>
      <header className="tool-card-head">
        <Wrench size={14} aria-hidden={true} />
        <code className="tool-card-name">{tool}</code>
        {call.serverName ? <span className="muted">on {call.serverName}</span> : null}
        <span className={`tool-decision tool-decision-${call.decision}`}>{DECISION_TEXT[call.decision]}</span>
      </header>
      <pre className="tool-args" aria-label={`Arguments of ${tool}`}>
        <code>{prettyArguments(call.argumentsText)}</code>
      </pre>
      {waiting && streamId ? (
        <div className="tool-approval" role="group" aria-label={`Approve ${tool}`}>
          <button type="button" className="small primary" disabled={sending} onClick={() => answer('once')} aria-label={`Allow ${tool} once`}>
            Allow once
          </button>
          <button type="button" className="small" disabled={sending} onClick={() => answer('always')} aria-label={`Always allow ${tool} in this room`}>
            Always allow in this room
          </button>
          <button type="button" className="small danger" disabled={sending} onClick={() => answer('deny')} aria-label={`Deny ${tool}`}>
            Deny
          </button>
        </div>
      ) : null}
      {waiting && !streamId ? <p className="muted">Waiting for approval when Parley closed; it was not run.</p> : null}
      {problem ? <p className="error" role="alert">{problem}</p> : null}
      {call.decision === 'denied' ? <p className="tool-error" role="note">Denied: the tool was not run.</p> : null}
      {call.decision !== 'denied' && !ran && call.error ? (
        <p className="tool-error" role="note">
          {call.decision === 'invalid' || call.decision === 'stopped' ? 'Not run' : 'Failed'}: {call.error}
        </p>
      ) : null}
      {!ran && !call.error && !waiting && call.decision !== 'denied' ? <p className="muted tool-running">Running…</p> : null}
      {call.result ? <ToolResultView result={call.result} tool={tool} /> : null}
    </section>
  );
}, sameCard);

/** Every toolSteps delta is a fresh copy of the loop; a card re-renders only when what it shows changed (text deltas
 * of a column running a long loop would otherwise redraw all its cards). */
function sameCard(a: { call: ToolCallRecord; streamId: string | null }, b: { call: ToolCallRecord; streamId: string | null }): boolean {
  const x = a.call;
  const y = b.call;
  return (
    a.streamId === b.streamId && x.callId === y.callId && x.decision === y.decision && x.error === y.error && x.argumentsText === y.argumentsText &&
    x.tool === y.tool && x.serverName === y.serverName && x.functionName === y.functionName &&
    (x.result === y.result || (x.result !== null && y.result !== null && x.result.text === y.result.text && x.result.durationMs === y.result.durationMs &&
      x.result.isError === y.result.isError && x.result.truncated === y.result.truncated && x.result.fullBytes === y.result.fullBytes &&
      x.result.images?.length === y.result.images?.length && x.result.imagesSkipped === y.result.imagesSkipped))
  );
}
