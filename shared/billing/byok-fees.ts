import { formatMicros } from './money';
import { divRoundHalfUp } from './decimal';

// What BYOK traffic costs three ways (docs/openrouter-api.md §9.1, §9.2), month to date and projected
// to the end of the month:
//   (a) direct: what the providers bill for it, at their own list prices;
//   (b) through OpenRouter with the same keys (BYOK): (a) plus OpenRouter's fee — 5 % of the equivalent
//       OpenRouter list price beyond the monthly free allowance, deducted from OpenRouter credits;
//   (c) on OpenRouter credits: the list price, plus the fee for buying that many credits (card 5.5 %, at least
//       $0.80; crypto 5 %), assuming one purchase covers it.
// The allowance changed on 2026-08-10 from "the first 1,000,000 BYOK requests a month" to "the first $25,000 of
// list-price usage a month" (pay-as-you-go; Enterprise $200,000); 'auto' picks the rule in force at `now`.
// Months are UTC calendar months, as OpenRouter's usage_monthly is. The projection is linear in elapsed time.
// All amounts are integer micro-dollars; each fee is rounded once, half-up. Every figure carries a `formula`.

export const ALLOWANCE_CHANGE_AT = Date.UTC(2026, 7, 10); // 2026-08-10T00:00:00Z

export type ByokAllowance =
  | { kind: 'list-price'; micros: number } // fee-free list-price usage per month
  | { kind: 'requests'; count: number } // fee-free requests per month
  | { kind: 'none' };

export interface ByokFeeSettings {
  feeBps: number; // OpenRouter BYOK fee in basis points (500 = 5 %)
  allowance: 'auto' | ByokAllowance;
  cardFeeBps: number; // 550 = 5.5 %
  cardMinFeeMicros: number; // 800_000 = $0.80
  cryptoFeeBps: number; // 500 = 5 %
}

export const DEFAULT_BYOK_FEE_SETTINGS: ByokFeeSettings = {
  feeBps: 500,
  allowance: 'auto',
  cardFeeBps: 550,
  cardMinFeeMicros: 800_000,
  cryptoFeeBps: 500,
};

export const CURRENT_ALLOWANCE: ByokAllowance = { kind: 'list-price', micros: 25_000_000_000 };
export const OLDER_ALLOWANCE: ByokAllowance = { kind: 'requests', count: 1_000_000 };

/** BYOK traffic totals for a period. */
export interface ByokTraffic {
  requests: number;
  providerCostMicros: number; // billed by the providers directly (their price lists)
  listPriceMicros: number; // the same calls at OpenRouter's list price
}

export interface Figure {
  micros: number;
  formula: string; // how it was computed, for a hover
}

export interface ByokComparison {
  traffic: ByokTraffic;
  direct: Figure; // (a)
  openRouterByokFee: Figure; // (b) the fee alone
  openRouterByok: Figure; // (b) providers + fee
  creditsCard: Figure; // (c) list price + card purchase fee
  creditsCrypto: Figure; // (c) list price + crypto purchase fee
}

export interface ByokFeeReport {
  monthStart: number; // ms epoch, UTC
  monthEnd: number;
  elapsedMs: number;
  allowance: ByokAllowance;
  monthToDate: ByokComparison;
  projected: ByokComparison;
  projectionFormula: string;
}

export function allowanceAt(now: number, setting: ByokFeeSettings['allowance']): ByokAllowance {
  if (setting !== 'auto') return setting;
  return now >= ALLOWANCE_CHANGE_AT ? CURRENT_ALLOWANCE : OLDER_ALLOWANCE;
}

const pct = (bps: number): string => `${(bps / 100).toString()}%`;
const int = (n: number): string => n.toLocaleString('en-US');
const big = (n: number): bigint => BigInt(Math.round(n));
const bpsOf = (amount: number, bps: number): number => Number(divRoundHalfUp(big(amount) * big(bps), 10_000n));

function byokFee(t: ByokTraffic, allowance: ByokAllowance, feeBps: number): Figure {
  const list = formatMicros(t.listPriceMicros);
  if (allowance.kind === 'none') {
    const micros = bpsOf(t.listPriceMicros, feeBps);
    return { micros, formula: `${pct(feeBps)} × ${list} list price = ${formatMicros(micros)}` };
  }
  if (allowance.kind === 'list-price') {
    const over = Math.max(0, t.listPriceMicros - allowance.micros);
    if (over === 0) {
      return { micros: 0, formula: `${list} list price is within the ${formatMicros(allowance.micros)} monthly free allowance → no fee` };
    }
    const micros = bpsOf(over, feeBps);
    return {
      micros,
      formula: `${pct(feeBps)} × (${list} list price − ${formatMicros(allowance.micros)} free allowance) = ${pct(feeBps)} × ${formatMicros(over)} = ${formatMicros(micros)}`,
    };
  }
  const req = Math.max(0, Math.round(t.requests));
  if (req <= allowance.count) {
    return { micros: 0, formula: `${int(req)} requests are within the ${int(allowance.count)} free requests a month → no fee` };
  }
  const extra = req - allowance.count;
  // The fee-bearing share of the list price, at the month's average list price per request.
  const micros = Number(divRoundHalfUp(big(t.listPriceMicros) * BigInt(extra) * big(feeBps), BigInt(req) * 10_000n));
  return {
    micros,
    formula: `${pct(feeBps)} × ${list} list price × ${int(extra)} of ${int(req)} requests beyond the ${int(allowance.count)} free requests = ${formatMicros(micros)}`,
  };
}

function creditsCost(listMicros: number, feeBps: number, minFee: number, method: string): Figure {
  const list = formatMicros(listMicros);
  if (listMicros <= 0) return { micros: 0, formula: `${list} list price → no credits to buy` };
  const raw = bpsOf(listMicros, feeBps);
  const fee = Math.max(raw, minFee);
  const feeText = minFee > 0 ? `max(${pct(feeBps)} × ${list}, ${formatMicros(minFee)})` : `${pct(feeBps)} × ${list}`;
  return {
    micros: listMicros + fee,
    formula: `${list} list price + ${feeText} ${method} purchase fee = ${list} + ${formatMicros(fee)} = ${formatMicros(listMicros + fee)}`,
  };
}

function compare(t: ByokTraffic, allowance: ByokAllowance, s: ByokFeeSettings): ByokComparison {
  const direct: Figure = {
    micros: t.providerCostMicros,
    formula: `${formatMicros(t.providerCostMicros)} billed by the providers for ${int(t.requests)} requests at their list prices`,
  };
  const fee = byokFee(t, allowance, s.feeBps);
  const total = t.providerCostMicros + fee.micros;
  return {
    traffic: t,
    direct,
    openRouterByokFee: fee,
    openRouterByok: {
      micros: total,
      formula: `${formatMicros(t.providerCostMicros)} paid to the providers + ${formatMicros(fee.micros)} OpenRouter BYOK fee (from credits) = ${formatMicros(total)}; fee: ${fee.formula}`,
    },
    creditsCard: creditsCost(t.listPriceMicros, s.cardFeeBps, s.cardMinFeeMicros, 'card'),
    creditsCrypto: creditsCost(t.listPriceMicros, s.cryptoFeeBps, 0, 'crypto'),
  };
}

const days = (ms: number): string => (ms / 86_400_000).toFixed(1);

/** Month-to-date and projected costs of `monthToDate` BYOK traffic at `now` (see the file comment). */
export function calculateByokFees(monthToDate: ByokTraffic, now: Date | number, settings: Partial<ByokFeeSettings> = {}): ByokFeeReport {
  const s: ByokFeeSettings = { ...DEFAULT_BYOK_FEE_SETTINGS, ...settings };
  const t = new Date(now).getTime();
  const d = new Date(t);
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const elapsedMs = Math.max(0, t - monthStart);
  const monthMs = monthEnd - monthStart;
  const allowance = allowanceAt(t, s.allowance);

  const scale = (x: number): number => (elapsedMs === 0 ? Math.round(x) : Number(divRoundHalfUp(big(x) * BigInt(monthMs), BigInt(elapsedMs))));
  const projectedTraffic: ByokTraffic = {
    requests: scale(monthToDate.requests),
    providerCostMicros: scale(monthToDate.providerCostMicros),
    listPriceMicros: scale(monthToDate.listPriceMicros),
  };
  const projectionFormula =
    elapsedMs === 0
      ? 'The month has just begun: the projection equals the month to date.'
      : `month to date × ${days(monthMs)} days / ${days(elapsedMs)} days elapsed (linear); list price ${formatMicros(monthToDate.listPriceMicros)} → ${formatMicros(projectedTraffic.listPriceMicros)}`;

  return {
    monthStart,
    monthEnd,
    elapsedMs,
    allowance,
    monthToDate: compare(monthToDate, allowance, s),
    projected: compare(projectedTraffic, allowance, s),
    projectionFormula,
  };
}
