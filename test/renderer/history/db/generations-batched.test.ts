// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../support/history-db';
import { getGeneration, recordGeneration } from '../../../../renderer/history/db/generations';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';

const gen = (id: string, costMicros: number): GenerationRecord => ({
  id, createdAt: Date.UTC(2026, 0, 1), requestedModel: 'openai/gpt-5', model: 'openai/gpt-5', upstreamId: 'openrouter', upstreamKind: 'openrouter',
  provider: 'OpenAI', attempts: [], tokens: { prompt: 10, completion: 5, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costMicros,
  costSource: 'upstream', ttftMs: 100, durationMs: 400, tokensPerSecond: 50, finishReason: 'stop', nativeFinishReason: 'stop', isByok: false,
  streamed: true, cancelled: false, fallbackUsed: false, source: 'app',
});

describe('generation records read for a room that opens', () => {
  it('answers the lookups made together from one read: each gets its own record, a missing one undefined', async () => {
    const { db } = await freshDb();
    await recordGeneration(gen('g1', 100));
    await recordGeneration(gen('g2', 200));
    const bulkGet = vi.spyOn(db.generations, 'bulkGet');
    const [a, b, again, missing] = await Promise.all([getGeneration('g1'), getGeneration('g2'), getGeneration('g1'), getGeneration('nope')]);
    expect([a?.costMicros, b?.costMicros, again?.costMicros, missing]).toEqual([100, 200, 100, undefined]);
    expect(bulkGet).toHaveBeenCalledTimes(1);
    // a later lookup is a read of its own, and sees a record written since
    await recordGeneration(gen('g3', 300));
    expect((await getGeneration('g3'))?.costMicros).toBe(300);
    expect(bulkGet).toHaveBeenCalledTimes(2);
  });

  it('rejects every waiting lookup when the read fails', async () => {
    const { db } = await freshDb();
    vi.spyOn(db.generations, 'bulkGet').mockRejectedValueOnce(new Error('disk gone'));
    const results = await Promise.allSettled([getGeneration('g1'), getGeneration('g2')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
