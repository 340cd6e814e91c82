import { describe, expect, it } from 'vitest';
import { generationRecordSchema, recordCostOf, type GenerationRecord } from '../../../shared/openrouter/generation';

const record: GenerationRecord = {
  id: 'gen-1', createdAt: 1, requestedModel: 'a/b', model: 'a/b', upstreamId: 'openrouter', upstreamKind: 'openrouter',
  provider: 'openrouter', attempts: [], tokens: { prompt: 3, completion: 4, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
  reportedCostMicros: 120, computedCostMicros: 118, costMicros: 120, costSource: 'upstream', reportedCostUsd: '0.00012',
  computedCostUsd: '0.000118', cacheSavingsMicros: 0, costDetail: 'why',
  pricingSnapshot: { capturedAt: 1, source: 'bundled', rates: { prompt: '0.000001' } },
  ttftMs: 5, durationMs: 9, tokensPerSecond: 1, finishReason: 'stop', nativeFinishReason: 'stop', isByok: false,
  streamed: true, cancelled: false, fallbackUsed: false, source: 'app', error: { code: 1, message: 'x' },
};

describe('recordCostOf', () => {
  it('keeps every cost fact the record schema names, and nothing else', () => {
    const cost = recordCostOf(record);
    expect(cost).toEqual({
      reportedCostMicros: 120, computedCostMicros: 118, costMicros: 120, costSource: 'upstream', reportedCostUsd: '0.00012',
      computedCostUsd: '0.000118', cacheSavingsMicros: 0, costDetail: 'why',
      pricingSnapshot: { capturedAt: 1, source: 'bundled', rates: { prompt: '0.000001' } },
    });
    expect(Object.keys(cost).every((k) => k in generationRecordSchema.shape)).toBe(true);
  });
});
