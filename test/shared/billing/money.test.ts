import { describe, expect, it } from 'vitest';
import { exactMicrosToUsd, formatMicros, formatRate, formatUsdText, isBelowMicro, microsToUsd, percentDiff, usdText, usdToMicros } from '../../../shared/billing/money';

describe('usdToMicros: one conversion, through the decimal text, half-up', () => {
  it.each([
    [0.0001245, 125], // the float 0.0001245 × 1e6 is 124.49999999999999 → Math.round gives 124
    ['0.0001245', 125],
    [0.0015, 1500],
    [0.95, 950000],
    [0.0000005, 1], // 0.5 µ$ → half-up
    [1e-7, 0],
    [1.245e-7, 0],
    [12.3456785, 12345679],
  ])('%s USD → %d µ$', (usd, micros) => {
    expect(usdToMicros(usd)).toBe(micros);
  });

  it('refuses what is not a number', () => {
    expect(usdToMicros(Number.NaN)).toBeUndefined();
    expect(usdToMicros('abc')).toBeUndefined();
    expect(usdToMicros(undefined)).toBeUndefined();
    expect(usdToMicros(null)).toBeUndefined();
  });

  it('shows why float money was wrong', () => {
    expect(Math.round(0.0001245 * 1e6)).toBe(124);
  });
});

describe('exact USD text', () => {
  it('keeps the digits the upstream sent, without exponents', () => {
    expect(usdText(0.0001245)).toBe('0.0001245');
    expect(usdText(1.245e-7)).toBe('0.0000001245');
    expect(usdText('0.000015000')).toBe('0.000015');
    expect(usdText(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('turns µ$ into six-decimal USD and exact µ$ into USD', () => {
    expect(microsToUsd(1234)).toBe('0.001234');
    expect(microsToUsd(-1_500_000)).toBe('-1.500000');
    expect(exactMicrosToUsd('124.5')).toBe('0.0001245');
  });

  it('knows a nonzero amount below a micro-dollar', () => {
    expect(isBelowMicro('0.0000003')).toBe(true);
    expect(isBelowMicro('0.0000005')).toBe(false); // rounds up to 1 µ$
    expect(isBelowMicro('0')).toBe(false);
    expect(isBelowMicro(undefined)).toBe(false);
  });
});

describe('formatMicros: the same precision rule everywhere', () => {
  it.each([
    [0, '$0.00'],
    [1, '$0.000001'],
    [123, '$0.000123'],
    [5000, '$0.005'],
    [9999, '$0.009999'],
    [10000, '$0.01'],
    [10500, '$0.0105'], // the request that used to read "$0.01", "$0.0105" and "$0.010500"
    [15000, '$0.015'],
    [1_230_000, '$1.23'],
    [1_234_567_890, '$1,234.56789'],
    [25_000_000_000, '$25,000.00'],
    [-25000, '-$0.025'],
    [-123, '-$0.000123'],
    [Number.NaN, '—'],
  ])('%d µ$ → %s', (micros, text) => {
    expect(formatMicros(micros)).toBe(text);
  });

  it('never shows a nonzero amount as zero', () => {
    expect(formatMicros(0, { belowMicro: true })).toBe('< $0.000001');
    expect(formatMicros(0)).toBe('$0.00');
  });

  it('signs differences when asked', () => {
    expect(formatMicros(155, { signed: true })).toBe('+$0.000155');
    expect(formatMicros(-155, { signed: true })).toBe('-$0.000155');
  });

  it('writes exact USD text and rates the same way', () => {
    expect(formatUsdText('0.0001245')).toBe('$0.0001245');
    expect(formatUsdText('1234.5')).toBe('$1,234.50');
    expect(formatRate('3', 'token')).toBe('$3.00 per 1M tokens');
    expect(formatRate('0.075', 'token')).toBe('$0.075 per 1M tokens');
    expect(formatRate('10000', 'search')).toBe('$0.01 per search');
  });

  it('gives a difference as a signed whole percent', () => {
    expect(percentDiff(125, 100)).toBe('+25 %');
    expect(percentDiff(97, 100)).toBe('−3 %');
    expect(percentDiff(100, 100)).toBe('±0 %');
    expect(percentDiff(5, 0)).toBeUndefined();
  });
});
