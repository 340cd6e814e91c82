// Exact decimal arithmetic for prices. Prices arrive as decimal strings in USD per unit ("0.000003") or as
// JS numbers (3.75 USD per million tokens); floats would drift, so everything is turned into an exact rational
// `units / 10^scale` held in BigInt and rounded once, at the end, half away from zero ("half-up" for the
// non-negative amounts that prices are).

/** An exact decimal: value = n / 10^scale. */
export interface Decimal {
  n: bigint;
  scale: number;
}

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses "0.000003", "3", "1.5e-7", "-2" exactly. Returns undefined for anything else (empty, NaN, "abc"). */
export function parseDecimal(input: string | number): Decimal | undefined {
  const s = typeof input === 'number' ? numberToString(input) : input.trim();
  if (s === undefined) return undefined;
  const m = DECIMAL_RE.exec(s);
  if (!m) return undefined;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return undefined;
  const exp = m[4] ? Number(m[4]) : 0;
  let digits = (intPart + fracPart).replace(/^0+(?=\d)/, '');
  let scale = fracPart.length - exp;
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  let n = BigInt(digits === '' ? '0' : digits);
  if (m[1] === '-') n = -n;
  return normalize({ n, scale });
}

function numberToString(x: number): string | undefined {
  return Number.isFinite(x) ? String(x) : undefined;
}

/** Drops trailing zeros so equal values compare equal. */
export function normalize(d: Decimal): Decimal {
  let { n, scale } = d;
  while (scale > 0 && n % 10n === 0n) {
    n /= 10n;
    scale -= 1;
  }
  return { n, scale };
}

const pow10 = (k: number): bigint => 10n ** BigInt(k);

export function mul(a: Decimal, b: Decimal): Decimal {
  return normalize({ n: a.n * b.n, scale: a.scale + b.scale });
}

export function mulInt(a: Decimal, k: number | bigint): Decimal {
  return normalize({ n: a.n * BigInt(k), scale: a.scale });
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return normalize({ n: a.n * pow10(scale - a.scale) + b.n * pow10(scale - b.scale), scale });
}

/** a × 10^k (k may be negative): shifting the decimal point. */
export function shift(a: Decimal, k: number): Decimal {
  if (k < 0) return normalize({ n: a.n, scale: a.scale - k });
  if (a.scale >= k) return normalize({ n: a.n, scale: a.scale - k });
  return { n: a.n * pow10(k - a.scale), scale: 0 };
}

export const ZERO: Decimal = { n: 0n, scale: 0 };

export function isZero(a: Decimal): boolean {
  return a.n === 0n;
}

export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.n * pow10(scale - a.scale);
  const y = b.n * pow10(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Integer division rounded half away from zero: the one rounding rule used for money. */
export function divRoundHalfUp(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError('division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (abs * 2n + den) / (den * 2n);
  return neg ? -q : q;
}

/** Rounds to an integer, half away from zero. */
export function roundToInteger(a: Decimal): bigint {
  return divRoundHalfUp(a.n, pow10(a.scale));
}

/** Plain decimal notation, no exponent: { n: 75n, scale: 9 } → "0.000000075". */
export function toDecimalString(a: Decimal): string {
  const neg = a.n < 0n;
  const digits = (neg ? -a.n : a.n).toString();
  if (a.scale === 0) return (neg ? '-' : '') + digits;
  const padded = digits.padStart(a.scale + 1, '0');
  const int = padded.slice(0, padded.length - a.scale);
  const frac = padded.slice(padded.length - a.scale);
  return `${neg ? '-' : ''}${int}.${frac}`;
}

/** A JS number (e.g. 3.75 from a price table) divided by 10^k, as an exact decimal string. */
export function numberToScaledString(x: number, divideByPow10: number): string | undefined {
  const d = parseDecimal(x);
  return d ? toDecimalString(shift(d, -divideByPow10)) : undefined;
}
