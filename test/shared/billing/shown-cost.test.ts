import { describe, expect, it } from 'vitest';
import { shownCost, shownCostLabel, shownMicros } from '../../../shared/billing/shown-cost';

// One rule for the figure people see: billed beats computed beats estimated.

const tokens = { prompt: 10, completion: 5, cacheRead: 0, cacheWrite: 0, reasoning: 0 };

describe('shownCost', () => {
  it('billed (reconciled) beats reported beats computed', () => {
    const record = { costSource: 'upstream' as const, reportedCostMicros: 125, computedCostMicros: 100, costMicros: 125, tokens };
    expect(shownCost({ ...record, billedCostMicros: 130 })).toEqual({ micros: 130, source: 'billed' });
    expect(shownCost(record)).toEqual({ micros: 125, source: 'billed' });
    expect(shownCost({ costSource: 'computed', computedCostMicros: 100, costMicros: 100, tokens })).toEqual({ micros: 100, source: 'computed' });
  });

  it('marks a figure from locally counted tokens as estimated', () => {
    expect(shownCost({ costSource: 'computed', computedCostMicros: 40, costMicros: 40, costReason: 'partial', tokens: { ...tokens, estimated: true } }))
      .toEqual({ micros: 40, source: 'estimated', reason: 'partial' });
  });

  it('BYOK through OpenRouter: the provider’s charge plus OpenRouter’s fee, as parts of one total', () => {
    const s = shownCost({ costSource: 'upstream', isByok: true, upstreamKind: 'openrouter', reportedCostMicros: 525, upstreamCostMicros: 10_500, computedCostMicros: 10_400 });
    expect(s).toEqual({ micros: 11_025, source: 'billed', parts: { providerMicros: 10_500, feeMicros: 525 } });
    // reconciled: /generation's fee and provider charge
    expect(shownCost({ isByok: true, reportedCostMicros: 525, billedCostMicros: 11_100, billedFeeMicros: 525, billedProviderMicros: 10_575 }))
      .toEqual({ micros: 11_100, source: 'billed', parts: { providerMicros: 10_575, feeMicros: 525 } });
    // OpenRouter reported only its fee: the provider's part is Parley's price
    expect(shownCost({ isByok: true, upstreamKind: 'openrouter', reportedCostMicros: 525, computedCostMicros: 10_400 }))
      .toEqual({ micros: 10_925, source: 'computed', parts: { providerMicros: 10_400, feeMicros: 525 } });
  });

  it('never shows a nonzero amount as zero', () => {
    const s = shownCost({ costSource: 'upstream', reportedCostMicros: 0, reportedCostUsd: '0.0000003', costMicros: 0 });
    expect(s).toEqual({ micros: 0, source: 'billed', belowMicro: true });
    expect(shownCostLabel(s)).toBe('< $0.000001');
    expect(shownCostLabel(shownCost({ costSource: 'computed', computedCostMicros: 0, computedCostUsd: '0', costMicros: 0, costReason: 'free' }))).toBe('$0.00');
  });

  it('requests that never reached a provider cost $0, with the reason; unknown ones have no number', () => {
    expect(shownCost({ costSource: 'none', costReason: 'not-sent', costMicros: 0 })).toEqual({ micros: 0, source: 'none', reason: 'not-sent' });
    expect(shownCostLabel(shownCost({ costSource: 'none', costReason: 'not-sent' }))).toBe('not sent — $0');
    expect(shownCostLabel(shownCost({ costSource: 'none', costReason: 'failed' }))).toBe('failed — $0');
    expect(shownMicros({ costSource: 'none', costReason: 'no-pricing' })).toBeUndefined();
    expect(shownCostLabel(shownCost({ costSource: 'none', costReason: 'no-pricing' }))).toBe('cost unknown: no price known for this model');
  });

  it('says when a failed request is priced because the provider reported usage', () => {
    expect(shownCostLabel(shownCost({ costSource: 'upstream', reportedCostMicros: 2500, costMicros: 2500, costReason: 'charged-on-error' }))).toBe('$0.0025 (failed, but usage was reported)');
  });

  it('reads records stored before these fields existed', () => {
    expect(shownCost({ costSource: 'upstream', costMicros: 77 })).toEqual({ micros: 77, source: 'billed' });
  });
});
