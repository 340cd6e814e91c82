import { describe, expect, it } from 'vitest';
import { divRoundHalfUp, numberToScaledString, parseDecimal, roundToInteger, shift, toDecimalString } from '../../../shared/billing/decimal';

describe('exact decimals', () => {
  it.each([
    ['0.000003', '0.000003'],
    ['3', '3'],
    ['3.750', '3.75'],
    ['1.5e-7', '0.00000015'],
    ['2E3', '2000'],
    ['-0.25', '-0.25'],
    ['.5', '0.5'],
    ['007', '7'],
  ])('parses %s → %s', (input, text) => {
    expect(toDecimalString(parseDecimal(input)!)).toBe(text);
  });

  it.each(['', 'abc', '1.2.3', '-', 'NaN', '1e'])('rejects %j', (input) => {
    expect(parseDecimal(input)).toBeUndefined();
  });

  it('reads JS numbers through their shortest decimal text', () => {
    expect(toDecimalString(parseDecimal(0.1 + 0.2)!)).toBe('0.30000000000000004'); // the float itself, exactly as printed
    expect(toDecimalString(parseDecimal(1e-7)!)).toBe('0.0000001');
    expect(parseDecimal(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('converts per-million prices to per-token strings without drift', () => {
    expect(numberToScaledString(3, 6)).toBe('0.000003');
    expect(numberToScaledString(0.075, 6)).toBe('0.000000075');
    expect(numberToScaledString(3.75, 6)).toBe('0.00000375');
    expect(numberToScaledString(10, 3)).toBe('0.01'); // $10 per 1000 searches
  });

  it('shifts the decimal point both ways', () => {
    expect(toDecimalString(shift(parseDecimal('0.000003')!, 6))).toBe('3');
    expect(toDecimalString(shift(parseDecimal('1.5')!, 3))).toBe('1500');
    expect(toDecimalString(shift(parseDecimal('12')!, -3))).toBe('0.012');
  });

  it('rounds half away from zero', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n); // 2.5 → 3
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfUp(7n, 3n)).toBe(2n); // 2.33 → 2
    expect(divRoundHalfUp(8n, 3n)).toBe(3n); // 2.67 → 3
    expect(roundToInteger(parseDecimal('0.4999999')!)).toBe(0n);
    expect(roundToInteger(parseDecimal('0.5')!)).toBe(1n);
    expect(() => divRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});
