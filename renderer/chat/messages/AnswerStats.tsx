import type { MessageRow } from '../state/types';
import { useGenerationRecord } from '../state/answer-records';
import { costBreakdown, costLabel, formatMicros, msLabel, tokensLabel, tpsLabel } from './stats-text';
import { useReconciliation } from './use-reconciliation';

/** Which model and provider actually answered, tokens, cost (breakdown on hover), speed and why it stopped. */
export function AnswerStats({ row }: { row: MessageRow }) {
  const record = useGenerationRecord(row.id, row.generationId);
  const billed = useReconciliation(row.generationId);
  const model = row.model?.used ?? row.model?.requested ?? 'unknown model';
  const requested = row.model?.requested;
  const provider = row.model?.provider;
  const cost = row.cost ?? null;
  const tokens = tokensLabel(row.tokens);
  const ttft = msLabel(row.timings?.ttftMs);
  const tps = tpsLabel(row.timings?.tokensPerSecond);
  const finish = row.finishReason;
  const label = costLabel(cost);
  return (
    <div className="answer-stats" aria-label="Answer details">
      <span className="stat-model" title={requested && requested !== model ? `requested ${requested}` : undefined}>
        {model}
      </span>
      {provider ? <span className="stat-provider">via {provider}</span> : null}
      {record?.fallbackUsed ? (
        <span className="badge" title="The first choice failed; another provider served this answer">
          fallback
        </span>
      ) : null}
      {record?.isByok ? <span className="badge">BYOK</span> : null}
      {tokens ? <span className="stat-tokens">{tokens}</span> : null}
      <span
        className="stat-cost"
        title={costBreakdown({ cost, tokens: row.tokens ?? null, ...(record ? { isByok: record.isByok, attempts: record.attempts } : {}) })}
        aria-label={`Cost: ${label}`}
        tabIndex={0}
      >
        {label}
      </span>
      {billed?.mismatch ? (
        <span
          className="badge badge-warn"
          role="note"
          aria-label={`Billed ${formatMicros(billed.billedMicros)}, not ${label}`}
          title={`OpenRouter billed ${formatMicros(billed.billedMicros)} for this answer; Parley's figure is ${label}. See Activity for the details.`}
        >
          billed {formatMicros(billed.billedMicros)}
        </span>
      ) : null}
      {ttft ? <span className="stat-ttft">TTFT {ttft}</span> : null}
      {tps ? <span className="stat-tps">{tps}</span> : null}
      {finish ? <span className="stat-finish">finish: {finish}</span> : null}
    </div>
  );
}
