import { formatMicros } from '../../shared/billing';
import type { LedgerRow } from '../ledger/types';
import { rowCost } from './aggregate';

const int = new Intl.NumberFormat('en-US');
export const fmtInt = (n: number): string => int.format(n);

const REASONS: Record<string, string> = {
  free: 'free',
  'no-pricing': 'no price known',
  'no-usage': 'no usage reported',
  partial: 'partial',
};

/** The cost cell: billed or local figure, or why there is none. */
export function costText(r: LedgerRow): string {
  const c = rowCost(r);
  if (c === undefined) return `unknown (${REASONS[r.costReason ?? ''] ?? 'not reported'})`;
  return formatMicros(c);
}

/** Spelled out for a mismatch flag: local vs billed. */
export function mismatchText(r: LedgerRow): string | null {
  if (!r.mismatch || typeof r.billedCostMicros !== 'number') return null;
  const local = typeof r.costMicros === 'number' ? formatMicros(r.costMicros) : 'unknown';
  return `Mismatch: Parley computed ${local}, OpenRouter billed ${formatMicros(r.billedCostMicros)}`;
}

export const SOURCE_LABEL: Record<LedgerRow['source'], string> = { app: 'Parley', 'local-api': 'Local API' };
