import type { GenerationRecord } from '../../../shared/openrouter/generation';

/** A finished request as main records it; every figure is set by the caller when it matters to the test. A
 * `costMicros` given alone is the figure the record's source produced (Parley's price, or the upstream's report),
 * as the engine would have recorded it. */
export function makeRecord(overrides: Partial<GenerationRecord> & { id: string }): GenerationRecord {
  const record = base(overrides);
  if ('costMicros' in overrides && !('computedCostMicros' in overrides) && !('reportedCostMicros' in overrides)) {
    delete record.computedCostMicros;
    if (overrides.costMicros !== undefined) {
      if (record.costSource === 'upstream') record.reportedCostMicros = overrides.costMicros;
      else record.computedCostMicros = overrides.costMicros;
    }
  }
  return record;
}

function base(overrides: Partial<GenerationRecord> & { id: string }): GenerationRecord {
  return {
    createdAt: Date.UTC(2026, 8, 15, 12, 0, 0),
    requestedModel: 'openai/gpt-4o',
    model: 'openai/gpt-4o',
    upstreamId: 'openrouter',
    upstreamKind: 'openrouter',
    provider: 'OpenAI',
    attempts: [],
    tokens: { prompt: 100, completion: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
    costMicros: 1_000,
    costSource: 'computed',
    computedCostMicros: 1_000,
    ttftMs: 100,
    durationMs: 900,
    tokensPerSecond: 50,
    finishReason: 'stop',
    nativeFinishReason: 'stop',
    isByok: false,
    streamed: true,
    cancelled: false,
    fallbackUsed: false,
    source: 'app',
    ...overrides,
  };
}
