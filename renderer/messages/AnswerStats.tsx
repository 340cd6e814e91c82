import type { MessageRow } from '../chat-state/types';
import { costBreakdown, costLabel, msLabel, tokensLabel, tpsLabel } from './format';

/** Which model and provider actually answered, tokens, cost (breakdown on hover), speed and why it stopped. */
export function AnswerStats({ row }: { row: MessageRow }) {
  const r = row.record ?? null;
  const model = r?.model ?? row.model ?? row.requestedModel ?? 'unknown model';
  const provider = r?.provider ?? row.provider;
  const tokens = tokensLabel(r);
  const ttft = msLabel(r?.ttftMs ?? (row.firstTokenAt && row.startedAt ? row.firstTokenAt - row.startedAt : null));
  const tps = tpsLabel(r?.tokensPerSecond);
  const finish = r?.finishReason ?? row.finishReason;
  return (
    <div className="answer-stats" aria-label="Answer details">
      <span className="stat-model" title={r?.requestedModel && r.requestedModel !== model ? `requested ${r.requestedModel}` : undefined}>
        {model}
      </span>
      {provider ? <span className="stat-provider">via {provider}</span> : null}
      {r?.fallbackUsed ? (
        <span className="badge" title="The first choice failed; another provider served this answer">
          fallback
        </span>
      ) : null}
      {r?.isByok ? <span className="badge">BYOK</span> : null}
      {tokens ? <span className="stat-tokens">{tokens}</span> : null}
      <span className="stat-cost" title={costBreakdown(r)} aria-label={`Cost: ${costLabel(r)}`} tabIndex={0}>
        {costLabel(r)}
      </span>
      {ttft ? <span className="stat-ttft">TTFT {ttft}</span> : null}
      {tps ? <span className="stat-tps">{tps}</span> : null}
      {finish ? <span className="stat-finish">finish: {finish}</span> : null}
    </div>
  );
}
