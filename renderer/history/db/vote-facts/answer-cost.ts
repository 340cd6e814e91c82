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

export function answerFigures(row: LedgerRow | undefined): AnswerFigures {
  const out: AnswerFigures = {};
  if (!row) return out;
  const cost = answerCostMicros(row);
  if (cost !== undefined) out.costMicros = cost;
  if (typeof row.ttftMs === 'number' && Number.isFinite(row.ttftMs)) out.ttftMs = row.ttftMs;
  if (typeof row.tokensPerSecond === 'number' && Number.isFinite(row.tokensPerSecond)) out.tokensPerSecond = row.tokensPerSecond;
  return out;
}
