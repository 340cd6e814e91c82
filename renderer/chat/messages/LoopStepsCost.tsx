import { formatMicros } from '../../../shared/billing/money';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import { sumLoopSteps } from '../../../shared/tools/loop-cost';
import type { LoopStep } from '../../../shared/tools/tool-steps';
import type { MessageRow } from '../../history/db/types';
import { msLabel } from './stats-text';
import './loop-steps.css';

// "Explain this cost" for an answer that ran a tool loop: every model step was its own request, billed on its own;
// each is listed with its tokens, cost and time, and the answer is their sum.

const int = new Intl.NumberFormat('en-US');

/** The answer's tool-loop steps, as stored with it (absent on answers without tools). */
type WithSteps = MessageRow & { toolSteps?: LoopStep[] };

const costOf = (micros: number | null | undefined) => (micros === null || micros === undefined ? 'unknown' : formatMicros(micros));

/** Figures joined by " · ", each kept on one line, so a narrow column breaks between them, never inside one. */
function Figures({ parts }: { parts: (string | null)[] }) {
  const shown = parts.filter((p): p is string => p !== null);
  return (
    <>
      {shown.map((p, i) => (
        <span key={i} className="figure">
          {p}
          {i < shown.length - 1 ? ' · ' : ''}
        </span>
      ))}
    </>
  );
}

export function LoopStepsCost({ row }: { row: MessageRow }) {
  const records = ((row as WithSteps).toolSteps ?? []).flatMap((s): GenerationRecord[] => (s.record ? [s.record] : []));
  if (records.length < 2) return null;
  const total = sumLoopSteps(records);
  return (
    <table className="cost-lines loop-steps" aria-label="Tool loop steps">
      <caption>The tool loop made {records.length} requests, each billed:</caption>
      <tbody>
        {records.map((r, i) => (
          <tr key={r.id}>
            <th scope="row">Step {i + 1}</th>
            <td>
              <Figures parts={[r.tokens ? `${int.format(r.tokens.prompt)} in` : 'tokens unknown', r.tokens ? `${int.format(r.tokens.completion)} out` : null, msLabel(r.durationMs) ?? '—']} />
            </td>
            <td className="num">{costOf(r.costMicros)}</td>
          </tr>
        ))}
        <tr className="total">
          <th scope="row">All {records.length} steps</th>
          <td>
            <Figures parts={[`${int.format(total.promptTokens)} in`, `${int.format(total.completionTokens)} out`, msLabel(total.durationMs) ?? '—']} />
          </td>
          <td className="num">{costOf(total.costMicros)}</td>
        </tr>
      </tbody>
    </table>
  );
}
