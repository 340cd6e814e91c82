import { useId, useState, type ReactNode } from 'react';
import { Info } from 'lucide-react';
import { shownCost } from '../../../shared/billing/shown-cost';
import type { MessageRow } from '../../common/room/types';
import { useGenerationRecord } from '../state/answer-records';
import { answerCostFacts, costPhrase, mismatchText } from '../../common/money/cost-text';
import { msLabel, tokensLabel, tpsLabel } from './stats-text';
import { useReconciliation } from './use-reconciliation';
import { ExplainCost } from './ExplainCost';
import { ProviderBadge } from './ProviderBadge';
import { billedGenerationId, stepsLabel } from '../tools/loop-outcome';

/** Finish reasons that mean the model ended on its own: not worth a word on every answer. */
const ORDINARY_FINISH = new Set(['stop', 'end_turn', 'STOP']);

/** Which model and provider actually answered, tokens, cost (and how it was worked out), speed and why it
 * stopped, on one quiet line beside the answer's toolbar; the details open in "Explain this cost". The cost is the
 * bill once OpenRouter has reconciled it; a different bill shows both figures. */
export function AnswerStats({ row, toolbar }: { row: MessageRow; toolbar?: ReactNode }) {
  const record = useGenerationRecord(row.id, row.generationId);
  const billing = useReconciliation(billedGenerationId(row));
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
    <>
      <div className="answer-foot">
        <div className="answer-stats" aria-label="Answer details">
          <span className="stat-who">
            <span className="stat-model" title={requested && requested !== model ? `requested ${requested}` : model}>
              {model}
            </span>
            {provider ? <ProviderBadge name={provider} /> : null}
            {record?.fallbackUsed ? (
              <span className="badge" title="The first choice failed; another provider served this answer">
                fallback
              </span>
            ) : null}
            {isByok ? <span className="badge" title="Sent with your own provider key">BYOK</span> : null}
          </span>
          <span className="stat-figures">
            {tokens ? <span className="stat stat-tokens">{tokens}</span> : null}
            <span className="stat stat-cost" aria-label={`Cost: ${label}`}>
              {label}
            </span>
            {ttft ? <span className="stat stat-ttft" title="Time to first token">TTFT {ttft}</span> : null}
            {tps ? <span className="stat stat-tps">{tps}</span> : null}
            {stepsLabel(row.toolSteps) ? <span className="stat stat-steps" title="Model steps of this answer's tool loop; the figures are their sum">{stepsLabel(row.toolSteps)}</span> : null}
            {finish && !ORDINARY_FINISH.has(finish) ? <span className="stat stat-finish">finish: {finish}</span> : null}
            <button
              type="button"
              className="icon-button stat-explain"
              aria-expanded={explaining}
              aria-controls={explaining ? panelId : undefined}
              aria-label={explaining ? 'Hide cost details' : 'Explain this cost'}
              title={explaining ? 'Hide cost details' : 'Explain this cost'}
              onClick={() => setExplaining((x) => !x)}
            >
              <Info size={13} aria-hidden={true} />
            </button>
          </span>
        </div>
        {toolbar}
      </div>
      {mismatch ? (
        <p className="stat-warnings">
          <span className="badge badge-warn stat-mismatch" role="note" aria-label={cause ? `${mismatch}. Likely: ${cause}` : mismatch}>
            {mismatch}
          </span>
          {cause ? <span className="stat-cause">Likely: {cause}</span> : null}
        </p>
      ) : null}
      {explaining ? <ExplainCost id={panelId} row={row} record={record} billing={billing} shown={shown} /> : null}
    </>
  );
}
