import { describe, expect, it } from 'vitest';
import { formatDay, formatMoment } from '../../../shared/format/dates';

// 1796566740000 ms = 2026-12-06T14:19:00Z (hand-computed: 20,793 days after 1970-01-01 plus 14 h 19 min).
const AT = Date.UTC(2026, 11, 6, 14, 19);

describe('one date format', () => {
  it('writes a moment with its date and time', () => {
    expect(AT).toBe(1_796_566_740_000);
    expect(formatMoment(AT, { locale: 'en-US', timeZone: 'UTC' })).toBe('Dec 6, 2026, 2:19 PM');
    expect(formatMoment(new Date(AT), { locale: 'en-GB', timeZone: 'UTC' })).toBe('6 Dec 2026, 14:19');
  });

  it('writes a day, in the given zone', () => {
    expect(formatDay(AT, { locale: 'en-US', timeZone: 'UTC' })).toBe('Dec 6, 2026');
    expect(formatDay(Date.UTC(2026, 11, 6, 23, 30), { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe('Dec 7, 2026');
  });

  it('reads an invalid moment as a dash', () => {
    expect(formatMoment(Number.NaN)).toBe('—');
    expect(formatDay(new Date('nope'))).toBe('—');
  });
});
