import { describe, expect, it } from 'vitest';
import { formatMoney, moneyWithExact } from '../../shared/billing/money-brief';

// Hand-computed: 1 USD = 1,000,000 µ$; a cent is 10,000 µ$.
describe('formatMoney: cents where cents serve', () => {
  it('shows a balance in cents, never six decimals', () => {
    expect(formatMoney(14_994_627)).toBe('$14.99'); // 14.994627 → 14.99
    expect(formatMoney(19_994_627)).toBe('$19.99');
    expect(formatMoney(19_995_000)).toBe('$20.00'); // half a cent rounds up
    expect(formatMoney(1_250_000)).toBe('$1.25');
    expect(formatMoney(1_234_567_000)).toBe('$1,234.57');
    expect(formatMoney(10_500)).toBe('$0.01'); // 1.05 cents
    expect(formatMoney(0)).toBe('$0.00');
  });

  it('keeps two significant digits below a cent', () => {
    expect(formatMoney(4_200)).toBe('$0.0042');
    expect(formatMoney(4_249)).toBe('$0.0042');
    expect(formatMoney(4_250)).toBe('$0.0043');
    expect(formatMoney(123)).toBe('$0.00012');
    expect(formatMoney(1_000)).toBe('$0.001');
    expect(formatMoney(5)).toBe('$0.000005');
    expect(formatMoney(9_996)).toBe('$0.01'); // rounds up to a whole cent
  });

  it('signs negative amounts and refuses what is not a number', () => {
    expect(formatMoney(-1_005_000)).toBe('-$1.01');
    expect(formatMoney(-4_200)).toBe('-$0.0042');
    expect(formatMoney(Number.NaN)).toBe('—');
  });

  it('gives the exact figure for the tooltip', () => {
    expect(moneyWithExact(14_994_627)).toEqual({ text: '$14.99', exact: '$14.994627' });
  });
});
