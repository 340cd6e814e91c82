import type { LedgerRow } from '../ledger/types';
import { rowCost } from './aggregate';
import { microsToUsd } from './csv';

const int = new Intl.NumberFormat('en-US');
export const fmtInt = (n: number): string => int.format(n);

const REASONS: Record<string, string> = {
  free: 'free',
  'no-pricing': 'no price known',
  'no-usage': 'no usage reported',
  partial: 'partial',
  interrupted: 'interrupted',
};

/** Every significant micro-dollar, at least cents: 10_500 → "$0.0105", 1_250_000 → "$1.25". One request's cost
 * is often a few cents, where rounding to the cent would hide a billing difference. */
export function exactUsd(micros: number): string {
  const [whole, frac] = microsToUsd(micros).split('.') as [string, string];
  return `${whole.startsWith('-') ? '-' : ''}$${whole.replace('-', '')}.${frac.replace(/0+$/, '').padEnd(2, '0')}`;
}

/** The cost cell: billed or local figure, or why there is none. */
export function costText(r: LedgerRow): string {
  const c = rowCost(r);
  if (c === undefined) return `unknown (${REASONS[r.costReason ?? ''] ?? 'not reported'})`;
  return exactUsd(c);
}

/** Spelled out for a mismatch flag: local vs billed. */
export function mismatchText(r: LedgerRow): string | null {
  if (!r.mismatch || typeof r.billedCostMicros !== 'number') return null;
  const local = typeof r.costMicros === 'number' ? exactUsd(r.costMicros) : 'unknown';
  return `Mismatch: Parley computed ${local}, OpenRouter billed ${exactUsd(r.billedCostMicros)}`;
}

export const SOURCE_LABEL: Record<LedgerRow['source'], string> = { app: 'Parley', 'local-api': 'Local API' };
