import { divRoundHalfUp, isZero, parseDecimal, roundToInteger, shift, toDecimalString, type Decimal } from './decimal';

// The one money module: every conversion between USD and integer micro-dollars (µ$, 1 USD = 1_000_000 µ$) and
// every way an amount is written for people. No float arithmetic touches money: a USD figure from an API is read
// through its decimal text and rounded once, half-up; µ$ become USD text digit by digit.

/** USD as an API sent it (a JSON number or a decimal string) → its exact decimal text, no exponent: 1.245e-7 →
 * "0.0000001245". A JS number is read through its shortest round-trip text, which is the decimal the upstream
 * wrote for any value of up to 15 significant digits. Undefined for anything that is not a finite number. */
export function usdText(usd: number | string | null | undefined): string | undefined {
  if (usd === null || usd === undefined) return undefined;
  const d = parseDecimal(usd);
  return d ? toDecimalString(d) : undefined;
}

/** USD (0.0001245, "0.0001245") → integer micro-dollars through its decimal text, half-up: 0.0001245 → 125. */
export function usdToMicros(usd: number | string | null | undefined): number | undefined {
  if (usd === null || usd === undefined) return undefined;
  const d = parseDecimal(usd);
  return d ? Number(roundToInteger(shift(d, 6))) : undefined;
}

/** Integer micro-dollars as exact USD with six decimals, for files and machines: 1234 → "0.001234". */
export function microsToUsd(micros: number): string {
  const m = BigInt(Math.round(micros));
  const neg = m < 0n;
  const abs = neg ? -m : m;
  return `${neg ? '-' : ''}${(abs / 1_000_000n).toString()}.${(abs % 1_000_000n).toString().padStart(6, '0')}`;
}

/** Exact USD text as a JSON number for an OpenRouter-shaped `cost`: "0.0001245" → 0.0001245 (JSON prints it back
 * as the same digits). */
export function usdTextToNumber(text: string): number {
  return Number(text);
}

/** A decimal µ$ amount (e.g. a computed cost before rounding) as USD text: "124.5" → "0.0001245". */
export function exactMicrosToUsd(exactMicros: string): string | undefined {
  const d = parseDecimal(exactMicros);
  return d ? toDecimalString(shift(d, -6)) : undefined;
}

/** True when a USD text is a nonzero amount smaller than half a micro-dollar (it rounds to 0 µ$). */
export function isBelowMicro(usd: string | undefined): boolean {
  if (usd === undefined) return false;
  const d = parseDecimal(usd);
  return d !== undefined && !isZero(d) && roundToInteger(shift(d, 6)) === 0n;
}

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export interface FormatOptions {
  /** The exact amount behind `micros` was nonzero: a rounded 0 is shown as "< $0.000001", never "$0.00". */
  belowMicro?: boolean;
  /** Prefix "+" on positive amounts (differences). */
  signed?: boolean;
}

/**
 * An amount for people, the same everywhere (answers, totals, Activity, budgets, fees): every significant
 * micro-dollar and at least cents, thousands grouped — 10_500 → "$0.0105", 1_250_000 → "$1.25",
 * 1_234_567_000 → "$1,234.567", 123 → "$0.000123". Zero is "$0.00"; a nonzero amount below a micro-dollar is
 * "< $0.000001"; non-finite is "—".
 */
export function formatMicros(micros: number, opts: FormatOptions = {}): string {
  if (!Number.isFinite(micros)) return '—';
  const m = BigInt(Math.round(micros));
  if (m === 0n) return opts.belowMicro ? '< $0.000001' : '$0.00';
  const neg = m < 0n;
  const abs = neg ? -m : m;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '').padEnd(2, '0');
  const sign = neg ? '-' : opts.signed ? '+' : '';
  return `${sign}$${group((abs / 1_000_000n).toString())}.${frac}`;
}

/** Exact USD text for people, with the same rules as formatMicros but keeping digits below a micro-dollar:
 * "0.0001245" → "$0.0001245". */
export function formatUsdText(usd: string): string {
  const d: Decimal | undefined = parseDecimal(usd);
  if (!d) return '—';
  const text = toDecimalString(d);
  const neg = text.startsWith('-');
  const [whole = '0', frac = ''] = (neg ? text.slice(1) : text).split('.');
  if (isZero(d)) return '$0.00';
  return `${neg ? '-' : ''}$${group(whole)}.${frac.replace(/0+$/, '').padEnd(2, '0')}`;
}

/** A per-unit rate in µ$ ("3", "0.075") as a price for people: "$3 per 1M tokens", "$0.01 per search". */
export function formatRate(rateMicrosPerUnit: string, unit: 'token' | 'request' | 'image' | 'search'): string {
  const d = parseDecimal(rateMicrosPerUnit);
  if (!d) return '—';
  if (unit === 'token') return `${formatUsdText(toDecimalString(d))} per 1M tokens`; // µ$ per token = $ per 1M tokens
  return `${formatUsdText(toDecimalString(shift(d, -6)))} per ${unit}`;
}

/** (a − b) / b as a signed whole percent for people: "+25 %", "−3 %"; undefined when b is 0. */
export function percentDiff(a: number, b: number): string | undefined {
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.round(b) === 0) return undefined;
  const pct = divRoundHalfUp(BigInt(Math.round(a - b)) * 100n, BigInt(Math.round(b)));
  return `${pct > 0n ? '+' : pct < 0n ? '−' : '±'}${(pct < 0n ? -pct : pct).toString()} %`;
}
