import type { LedgerRow } from '../ledger-types';
import { shownMicros } from '../../../../shared/billing/shown-cost';

// The leaderboard's only read of what an answer cost: the ledger row's shown cost (billed by OpenRouter where
// reconciled, else Parley's own figure), in integer micro-dollars; undefined when unknown. Keep every cost read of
// the leaderboard here, so a change to the ledger's shown-cost field is a one-line change.

export function answerCostMicros(row: LedgerRow): number | undefined {
  return shownMicros(row);
}

/** What the leaderboard shows of an answer, from its ledger row: each figure absent when unknown (never 0). */
export interface AnswerFigures {
  costMicros?: number;
  ttftMs?: number;
  tokensPerSecond?: number;
}

/** Whether this row is one step of a tool loop of several steps: the answer's cost is then the whole loop's. */
export function isLoopStep(row: LedgerRow | undefined): boolean {
  return (row?.loopStep?.of ?? 1) > 1;
}

/** A tool loop's cost: the sum over its steps' rows (`linked`: the rows linked to the answer). Undefined when a
 * step's cost is unknown or its row is missing: a partial sum would understate the answer. */
export function loopCostMicros(row: LedgerRow, linked: readonly LedgerRow[]): number | undefined {
  const of = row.loopStep?.of ?? 1;
  const steps = new Map<number, LedgerRow>();
  for (const r of linked) if (r.messageId === row.messageId && r.loopStep?.of === of) steps.set(r.loopStep.n, r);
  steps.set(row.loopStep?.n ?? of, row);
  if (steps.size !== of) return undefined;
  let sum = 0;
  for (const r of steps.values()) {
    const cost = answerCostMicros(r);
    if (cost === undefined) return undefined;
    sum += cost;
  }
  return sum;
}

/** `linked`: the ledger rows linked to the answer, needed when `row` is a step of a tool loop. */
export function answerFigures(row: LedgerRow | undefined, linked: readonly LedgerRow[] = []): AnswerFigures {
  const out: AnswerFigures = {};
  if (!row) return out;
  const cost = isLoopStep(row) ? loopCostMicros(row, linked) : answerCostMicros(row);
  if (cost !== undefined) out.costMicros = cost;
  if (typeof row.ttftMs === 'number' && Number.isFinite(row.ttftMs)) out.ttftMs = row.ttftMs;
  if (typeof row.tokensPerSecond === 'number' && Number.isFinite(row.tokensPerSecond)) out.tokensPerSecond = row.tokensPerSecond;
  return out;
}
