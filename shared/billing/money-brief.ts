import { formatMicros } from './money';

// An amount as people read it at a glance: cents where cents serve ("$14.99"), and below a cent two significant
// digits ("$0.0042"), so a balance never shows six decimals that read as a fraction. The exact figure
// (formatMicros) goes beside it on hover. Integer µ$ only; rounding is half-up, away from zero.

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Half-up division of a non-negative bigint. */
const divRound = (n: bigint, d: bigint): bigint => (n + d / 2n) / d;

/** 14_994_627 → "$14.99", 4_200 → "$0.0042", 123 → "$0.00012", 9_996 → "$0.01", 0 → "$0.00", −1_005_000 → "-$1.01". */
export function formatMoney(micros: number): string {
  if (!Number.isFinite(micros)) return '—';
  const m = BigInt(Math.round(micros));
  if (m === 0n) return '$0.00';
  const neg = m < 0n;
  const abs = neg ? -m : m;
  const sign = neg ? '-' : '';
  if (abs < 10_000n) {
    // below a cent: two significant digits of the µ$ amount
    const digits = abs.toString().length; // 1..4
    const scale = 10n ** BigInt(Math.max(0, digits - 2));
    const rounded = divRound(abs, scale) * scale;
    if (rounded < 10_000n) return `${sign}$0.${rounded.toString().padStart(6, '0').replace(/0+$/, '')}`;
  }
  const cents = divRound(abs, 10_000n);
  return `${sign}$${group((cents / 100n).toString())}.${(cents % 100n).toString().padStart(2, '0')}`;
}

/** The brief figure and the exact one for its tooltip; equal texts mean there is nothing more to show. */
export function moneyWithExact(micros: number): { text: string; exact: string } {
  return { text: formatMoney(micros), exact: formatMicros(micros) };
}
