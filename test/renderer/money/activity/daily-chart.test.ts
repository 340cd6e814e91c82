// @vitest-environment node
import { formatDay } from '../../../../shared/format/dates';
import { describe, it, expect } from 'vitest';
import { chartXRange, dayReadout, MIN_DAYS_SHOWN } from '../../../../renderer/money/activity/DailyChart';
import { dailySeries } from '../../../../renderer/money/activity/aggregate';
import { SAMPLE } from './support/sample-rows';
import { formatMicros } from '../../../../shared/billing/money';

const DAY = 86_400;

describe('the daily chart', () => {
  it('shows one day of data among the week before it, not as a block at the edge', () => {
    const day = new Date(2026, 8, 15).getTime();
    const [lo, hi] = chartXRange([day]);
    expect(hi - lo).toBe(MIN_DAYS_SHOWN * DAY);
    expect(hi).toBe(day / 1000 + DAY / 2);
  });

  it('spans longer ranges whole, with half a day either side', () => {
    const days = Array.from({ length: 30 }, (_, i) => new Date(2026, 7, 1 + i).getTime());
    const [lo, hi] = chartXRange(days);
    expect(lo).toBe(days[0]! / 1000 - DAY / 2);
    expect(hi).toBe(days[29]! / 1000 + DAY / 2);
  });

  it('reads out the hovered day’s spend and requests', () => {
    const series = dailySeries(SAMPLE);
    const text = dayReadout(series, 0);
    expect(text).toMatch(new RegExp(`: ${formatMicros(12_345 + 13_500).replace(/[$.]/g, '\\$&')} · 2 requests$`));
    expect(text).toContain(formatDay(new Date(2026, 8, 14))); // the app's one date format
  });
});
