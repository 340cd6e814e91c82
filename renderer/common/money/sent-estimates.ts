import type { CostEstimate } from '../../history/db/types';
import type { ModelEstimate } from './estimate';

// The estimate a person saw before sending, handed to the answer it was for, so "Explain this cost" can set
// estimate against actual. The composer notes the latest estimate per column; sending takes it for the new
// answer; the finished answer keeps it on its cost (MessageCost.estimate).

/** The estimate as the answer's cost keeps it. */
export type SentEstimate = CostEstimate;

const byColumn = new Map<string, SentEstimate>();
const byAnswer = new Map<string, SentEstimate>();
const MAX = 500;

export function toSentEstimate(e: ModelEstimate): SentEstimate {
  const out: SentEstimate = { inputTokens: e.tokens };
  if (e.inputCostMicros !== undefined) out.inputMicros = e.inputCostMicros;
  if (e.output) {
    out.outputLowTokens = e.output.lowTokens;
    out.outputHighTokens = e.output.highTokens;
    out.basis = e.output.basis;
    if (e.output.lowMicros !== undefined) out.outputLowMicros = e.output.lowMicros;
    if (e.output.highMicros !== undefined) out.outputHighMicros = e.output.highMicros;
  }
  return out;
}

export function noteColumnEstimate(columnId: string, e: SentEstimate): void {
  byColumn.set(columnId, e);
}

/** At send: the column's latest estimate becomes the answer's. */
export function assignEstimate(columnId: string, answerId: string): void {
  const e = byColumn.get(columnId);
  if (!e) return;
  byColumn.delete(columnId);
  if (byAnswer.size >= MAX) byAnswer.delete(byAnswer.keys().next().value!);
  byAnswer.set(answerId, e);
}

/** When the answer is finished: its estimate, once. */
export function takeAnswerEstimate(answerId: string): SentEstimate | undefined {
  const e = byAnswer.get(answerId);
  byAnswer.delete(answerId);
  return e;
}
