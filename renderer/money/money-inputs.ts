import { microsToUsd, usdToMicros } from '../../shared/billing/money';

// Text fields for money and percentages: '' means "not set"; anything else must be a non-negative number.

export function parseUsdField(text: string): { ok: true; micros: number | null } | { ok: false } {
  const t = text.trim();
  if (t === '') return { ok: true, micros: null };
  const n = Number(t);
  if (!Number.isFinite(n) || n < 0) return { ok: false };
  const micros = usdToMicros(t); // the typed digits, not the float they parse to
  return micros === undefined ? { ok: false } : { ok: true, micros };
}

export function parsePercentField(text: string): number | null {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) return null;
  return Math.round(n * 100); // basis points
}

/** µ$ as the USD digits a person typed: 1_500_000 → "1.5", 800_000 → "0.8", 25_000_000_000 → "25000". */
export const microsToField = (m: number | null | undefined): string => (typeof m === 'number' ? microsToUsd(m).replace(/\.?0+$/, '') : '');
export const bpsToField = (bps: number): string => String(bps / 100);
