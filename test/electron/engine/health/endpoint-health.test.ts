import { describe, expect, it } from 'vitest';
import { createHealthTracker } from '../../../../electron/engine/health/endpoint-health';

describe('endpoint health for the endpoint list', () => {
  it('reports uptime over 5 and 30 minutes and percentiles of TTFT and speed over 30 minutes', () => {
    let t = 0;
    const h = createHealthTracker({ now: () => t });
    for (let i = 1; i <= 10; i++) {
      h.recordSuccess('u|m', { ttftMs: i * 100, tokensPerSecond: i * 10 });
      t += 60_000;
    }
    h.recordFailure('u|m', 'http'); // at 10 min
    t += 60_000;
    const [snap] = h.snapshot(); // at 11 min: the last 5 minutes hold 4 successes and the failure
    expect(snap).toMatchObject({ uptime30m: (10 / 11) * 100, uptime5m: 80 });
    expect(snap!.ttftMs30m).toEqual({ p50: 600, p75: 800, p90: 1000, p99: 1000 });
    expect(snap!.tokensPerSecond30m).toEqual({ p50: 60, p75: 80, p90: 100, p99: 100 });
    t += 40 * 60_000;
    expect(h.snapshot()[0]).toMatchObject({ uptime5m: null, uptime30m: null, ttftMs30m: null, tokensPerSecond30m: null });
  });
});
