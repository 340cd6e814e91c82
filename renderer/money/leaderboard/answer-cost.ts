import type { LedgerRow } from '../ledger/types';
import { rowCost } from '../activity/aggregate';

// The leaderboard's only read of what an answer cost: the ledger row's shown cost (billed by OpenRouter where
// reconciled, else Parley's own figure), in integer micro-dollars; undefined when unknown. Keep every cost read of
// the leaderboard here, so a change to the ledger's shown-cost field is a one-line change.

export function answerCostMicros(row: LedgerRow): number | undefined {
  return rowCost(row);
}
