import { describe, expect, it } from 'vitest';
import { allowanceAt, calculateByokFees } from '../../../shared/billing/byok-fees';
import { formatMicros } from '../../../shared/billing/money';

const USD = 1_000_000;
const at = (iso: string) => Date.parse(iso);

describe('calculateByokFees — current rule ($25,000 of list price free per month)', () => {
  // 2026-09-16 00:00 UTC: 15 of September's 30 days elapsed → projection × 2.
  const r = calculateByokFees({ requests: 1200, providerCostMicros: 120 * USD, listPriceMicros: 125 * USD }, at('2026-09-16T00:00:00Z'));

  it('uses the list-price allowance after 2026-08-10', () => {
    expect(r.allowance).toEqual({ kind: 'list-price', micros: 25_000 * USD });
    expect(r.monthStart).toBe(at('2026-09-01T00:00:00Z'));
    expect(r.monthEnd).toBe(at('2026-10-01T00:00:00Z'));
  });

  it('month to date', () => {
    const m = r.monthToDate;
    expect(m.direct.micros).toBe(120 * USD); // what the providers billed
    expect(m.openRouterByokFee.micros).toBe(0); // $125 is inside the $25,000 allowance
    expect(m.openRouterByok.micros).toBe(120 * USD); // $120 + $0
    expect(m.creditsCard.micros).toBe(131_875_000); // $125 + 5.5% × $125 = $125 + $6.875 = $131.875
    expect(formatMicros(m.creditsCard.micros)).toBe('$131.875'); // every significant micro-dollar, no rounding to the cent
    expect(m.creditsCrypto.micros).toBe(131_250_000); // $125 + 5% × $125 = $131.25
    expect(m.openRouterByokFee.formula).toContain('within the $25,000.00 monthly free allowance');
    expect(m.creditsCard.formula).toBe('$125.00 list price + max(5.5% × $125.00, $0.80) card purchase fee = $125.00 + $6.875 = $131.875');
  });

  it('projected to month end, linearly', () => {
    const p = r.projected;
    expect(p.traffic).toEqual({ requests: 2400, providerCostMicros: 240 * USD, listPriceMicros: 250 * USD }); // × 30/15
    expect(p.direct.micros).toBe(240 * USD);
    expect(p.openRouterByok.micros).toBe(240 * USD);
    expect(p.creditsCard.micros).toBe(263_750_000); // $250 + $13.75
    expect(p.creditsCrypto.micros).toBe(262_500_000); // $250 + $12.50
    expect(r.projectionFormula).toContain('30.0 days / 15.0 days elapsed');
  });

  it('charges 5% of the list price beyond the allowance', () => {
    // 2026-10-11: 10 of October's 31 days → × 3.1. List $20,000 → $62,000; providers $19,500 → $60,450.
    const big = calculateByokFees({ requests: 100_000, providerCostMicros: 19_500 * USD, listPriceMicros: 20_000 * USD }, at('2026-10-11T00:00:00Z'));
    expect(big.monthToDate.openRouterByokFee.micros).toBe(0); // $20,000 < $25,000
    expect(big.projected.traffic.listPriceMicros).toBe(62_000 * USD);
    expect(big.projected.traffic.providerCostMicros).toBe(60_450 * USD);
    // 5% × ($62,000 − $25,000) = 5% × $37,000 = $1,850
    expect(big.projected.openRouterByokFee.micros).toBe(1_850 * USD);
    expect(big.projected.openRouterByokFee.formula).toBe(
      '5% × ($62,000.00 list price − $25,000.00 free allowance) = 5% × $37,000.00 = $1,850.00',
    );
    expect(big.projected.openRouterByok.micros).toBe(62_300 * USD); // $60,450 + $1,850
    expect(big.projected.creditsCard.micros).toBe(65_410 * USD); // $62,000 + 5.5% = $3,410
    expect(big.projected.creditsCrypto.micros).toBe(65_100 * USD); // $62,000 + 5% = $3,100
  });
});

describe('calculateByokFees — older rule (first 1,000,000 requests a month free)', () => {
  // 2026-07-21 00:00 UTC: 20 of July's 31 days → × 31/20 = 1.55.
  const r = calculateByokFees({ requests: 1_200_000, providerCostMicros: 580 * USD, listPriceMicros: 600 * USD }, at('2026-07-21T00:00:00Z'));

  it('uses the request allowance before 2026-08-10', () => {
    expect(r.allowance).toEqual({ kind: 'requests', count: 1_000_000 });
  });

  it('charges the share of list price beyond the free requests', () => {
    // 5% × $600 × 200,000 / 1,200,000 = 5% × $100 = $5.00
    expect(r.monthToDate.openRouterByokFee.micros).toBe(5 * USD);
    expect(r.monthToDate.openRouterByok.micros).toBe(585 * USD); // $580 + $5
    expect(r.monthToDate.openRouterByokFee.formula).toBe(
      '5% × $600.00 list price × 200,000 of 1,200,000 requests beyond the 1,000,000 free requests = $5.00',
    );
  });

  it('projects requests and list price, then applies the rule', () => {
    // requests 1,200,000 × 1.55 = 1,860,000; list $600 × 1.55 = $930; providers $580 × 1.55 = $899
    expect(r.projected.traffic).toEqual({ requests: 1_860_000, providerCostMicros: 899 * USD, listPriceMicros: 930 * USD });
    // 5% × $930 × 860,000 / 1,860,000 = $46.50 × 43/93 = $21.50
    expect(r.projected.openRouterByokFee.micros).toBe(21_500_000);
    expect(r.projected.openRouterByok.micros).toBe(920_500_000); // $899 + $21.50
  });

  it('charges nothing within the free requests', () => {
    const small = calculateByokFees({ requests: 900_000, providerCostMicros: 400 * USD, listPriceMicros: 450 * USD }, at('2026-07-05T00:00:00Z'));
    expect(small.monthToDate.openRouterByokFee.micros).toBe(0);
    expect(small.monthToDate.openRouterByokFee.formula).toContain('900,000 requests are within the 1,000,000 free requests');
  });
});

describe('calculateByokFees — edges and settings', () => {
  it('switches rule exactly at 2026-08-10 00:00 UTC', () => {
    expect(allowanceAt(at('2026-08-09T23:59:59Z'), 'auto')).toEqual({ kind: 'requests', count: 1_000_000 });
    expect(allowanceAt(at('2026-08-10T00:00:00Z'), 'auto')).toEqual({ kind: 'list-price', micros: 25_000 * USD });
  });

  it('applies the card minimum of $0.80', () => {
    // 5.5% × $10 = $0.55 < $0.80 → $10.80; crypto 5% × $10 = $0.50 → $10.50
    const r = calculateByokFees({ requests: 10, providerCostMicros: 9 * USD, listPriceMicros: 10 * USD }, at('2026-09-16T00:00:00Z'));
    expect(r.monthToDate.creditsCard.micros).toBe(10_800_000);
    expect(r.monthToDate.creditsCard.formula).toContain('max(5.5% × $10.00, $0.80)');
    expect(r.monthToDate.creditsCrypto.micros).toBe(10_500_000);
  });

  it('buys no credits for no traffic', () => {
    const r = calculateByokFees({ requests: 0, providerCostMicros: 0, listPriceMicros: 0 }, at('2026-09-16T00:00:00Z'));
    expect(r.monthToDate.creditsCard.micros).toBe(0);
    expect(r.projected.creditsCard.micros).toBe(0);
  });

  it('takes the fee rate and allowance from settings', () => {
    // 3% × $100, no allowance = $3.00
    const r = calculateByokFees({ requests: 5, providerCostMicros: 90 * USD, listPriceMicros: 100 * USD }, at('2026-09-16T00:00:00Z'), {
      feeBps: 300,
      allowance: { kind: 'none' },
    });
    expect(r.monthToDate.openRouterByokFee.micros).toBe(3 * USD);
    expect(r.monthToDate.openRouterByokFee.formula).toBe('3% × $100.00 list price = $3.00');
  });

  it('rounds a fee half-up to whole micro-dollars', () => {
    // 5% × 10 µ$ = 0.5 µ$ → 1 µ$
    const r = calculateByokFees({ requests: 1, providerCostMicros: 10, listPriceMicros: 10 }, at('2026-09-16T00:00:00Z'), { allowance: { kind: 'none' } });
    expect(r.monthToDate.openRouterByokFee.micros).toBe(1);
  });

  it('does not extrapolate at the very start of a month', () => {
    const r = calculateByokFees({ requests: 3, providerCostMicros: 30, listPriceMicros: 40 }, at('2026-09-01T00:00:00Z'));
    expect(r.projected.traffic).toEqual({ requests: 3, providerCostMicros: 30, listPriceMicros: 40 });
  });
});
