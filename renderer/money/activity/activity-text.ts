import { costReasonText, shownCost } from '../../../shared/billing/shown-cost';
import type { LedgerRow } from '../../history/db/ledger-types';
import { costPhrase, rowMismatchText } from '../../common/money/cost-text';

const int = new Intl.NumberFormat('en-US');
export const fmtInt = (n: number): string => int.format(n);

/** The cost cell: the row's shown cost (with the BYOK parts), the same phrase the answer shows. */
export function costText(r: LedgerRow): string {
  const s = shownCost(r);
  if (s.micros === undefined) return `unknown (${costReasonText(s.reason)})`;
  return costPhrase(s);
}

/** Spelled out for a mismatch flag: Parley's price against the bill, with the likely cause. */
export function mismatchText(r: LedgerRow): string | null {
  return rowMismatchText(r);
}

export const SOURCE_LABEL: Record<LedgerRow['source'], string> = { app: 'Parley', 'local-api': 'Local API' };

/** A request that was one model step of an answer's tool loop. */
export function loopStepText(step: { n: number; of: number }): string {
  return `tool step ${step.n} of ${step.of}`;
}
