import { useId, useState } from 'react';
import { shownCost } from '../../../shared/billing/shown-cost';
import type { MessageRow } from '../../common/room/types';
import { useGenerationRecord } from '../state/answer-records';
import { answerCostFacts, costPhrase, mismatchText } from '../../common/money/cost-text';
import { msLabel, tokensLabel, tpsLabel } from './stats-text';
import { useReconciliation } from './use-reconciliation';
import { ExplainCost } from './ExplainCost';

/** Which model and provider actually answered, tokens, cost (and how it was worked out), speed and why it
 * stopped. The cost is the bill once OpenRouter has reconciled it; a different bill shows both figures. */
export function AnswerStats({ row }: { row: MessageRow }) {
  const record = useGenerationRecord(row.id, row.generationId);
  const billing = useReconciliation(row.generationId);
  const [explaining, setExplaining] = useState(false);
  const panelId = useId();
  const model = row.model?.used ?? row.model?.requested ?? 'unknown model';
  const requested = row.model?.requested;
  const provider = row.model?.provider;
  const shown = shownCost(answerCostFacts(row.cost, row.tokens, billing));
  const tokens = tokensLabel(row.tokens);
  const ttft = msLabel(row.timings?.ttftMs);
  const tps = tpsLabel(row.timings?.tokensPerSecond);
  const finish = row.finishReason;
  const label = costPhrase(shown);
  const byok = billing?.feeMicros !== undefined;
  const mismatch = billing?.mismatch ? mismatchText(row.cost?.computedCostMicros, billing.comparedMicros ?? billing.billedMicros, byok) : null;
  const cause = mismatch && billing?.causes?.length ? billing.causes[0]! : null;
  const isByok = record?.isByok ?? row.cost?.isByok === true;
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
      {isByok ? <span className="badge">BYOK</span> : null}
      {tokens ? <span className="stat-tokens">{tokens}</span> : null}
      <span className="stat-cost" aria-label={`Cost: ${label}`}>
        {label}
      </span>
      <button
        type="button"
        className="link stat-explain"
        aria-expanded={explaining}
        aria-controls={explaining ? panelId : undefined}
        onClick={() => setExplaining((x) => !x)}
      >
        {explaining ? 'Hide cost details' : 'Explain this cost'}
      </button>
      {mismatch ? (
        <span className="badge badge-warn stat-mismatch" role="note" aria-label={cause ? `${mismatch}. Likely: ${cause}` : mismatch}>
          {mismatch}
        </span>
      ) : null}
      {cause ? <span className="stat-cause">Likely: {cause}</span> : null}
      {ttft ? <span className="stat-ttft">TTFT {ttft}</span> : null}
      {tps ? <span className="stat-tps">{tps}</span> : null}
      {finish ? <span className="stat-finish">finish: {finish}</span> : null}
      {explaining ? <ExplainCost id={panelId} row={row} record={record} billing={billing} shown={shown} /> : null}
    </div>
  );
}
