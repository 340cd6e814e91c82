import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccountClient, createReconciliationQueue, type ReconcileOutcome, type Timers } from '../../../../electron/engine/account';
import type { AccountResult, GenerationStats } from '../../../../electron/engine/account';
import { sampleGeneration, sampleKeyData, startFakeOpenRouterAccount, type FakeAccountState, type FakeOpenRouterAccount } from '../../../fakes/openrouter-account';

const KEY = 'sk-or-v1-reconcile-test-key';
let fake: FakeOpenRouterAccount | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Timers the test fires by hand; records every delay asked for. */
function manualTimers() {
  let next = 1;
  const queued = new Map<number, () => void>();
  const delays: number[] = [];
  const timers: Timers = {
    setTimeout(fn, ms) {
      delays.push(ms);
      const id = next++;
      queued.set(id, fn);
      return id;
    },
    clearTimeout(h) {
      queued.delete(h as number);
    },
  };
  const fire = () => {
    const [id, fn] = queued.entries().next().value as [number, () => void];
    queued.delete(id);
    fn();
  };
  return { timers, delays, queued, fire };
}

async function setup(generations: FakeAccountState['generations'] = {}, opts: { maxAttempts?: number; maxDelayMs?: number } = {}) {
  fake = await startFakeOpenRouterAccount({ keys: { [KEY]: { key: sampleKeyData() } }, generations });
  const client = createAccountClient({ apiKey: KEY, baseUrl: fake.baseUrl });
  const t = manualTimers();
  const outcomes: ReconcileOutcome[] = [];
  const queue = createReconciliationQueue({
    getGeneration: client.getGeneration,
    onResult: (o) => outcomes.push(o),
    timers: t.timers,
    firstDelayMs: 1000,
    baseDelayMs: 2000,
    ...opts,
  });
  /** Fire the next timer and wait until the job either rescheduled or reported. */
  const step = async () => {
    const before = t.delays.length + outcomes.length;
    t.fire();
    await vi.waitFor(() => expect(t.delays.length + outcomes.length).toBeGreaterThan(before), { timeout: 10_000 });
  };
  return { fake: fake, queue, outcomes, step, ...t };
}

describe('reconciliation queue', () => {
  it('retries a lagging generation with exponential backoff, then compares', async () => {
    const s = await setup({ 'gen-or-1': { data: sampleGeneration('gen-or-1'), lag: 2 } });
    s.queue.enqueue({ generationId: 'gen-local-1', upstreamGenerationId: 'gen-or-1', localCostMicros: 10_500 });
    expect(s.delays).toEqual([1000]);
    await s.step(); // 404
    await s.step(); // 404
    await s.step(); // found
    expect(s.delays).toEqual([1000, 2000, 4000]);
    expect(s.outcomes).toHaveLength(1);
    expect(s.outcomes[0]).toMatchObject({
      status: 'reconciled',
      attempts: 3,
      billedMicros: 10_500, // total_cost $0.0105
      comparison: { status: 'match', diffMicros: 0 },
      stats: { provider: 'Anthropic', nativeTokens: { prompt: 1000, completion: 500 } },
    });
    expect(s.queue.pending()).toBe(0);
  });

  it('gives up after maxAttempts, reporting the last error', async () => {
    const s = await setup({}, { maxAttempts: 3 });
    s.queue.enqueue({ generationId: 'g', upstreamGenerationId: 'gen-never' });
    await s.step();
    await s.step();
    await s.step();
    expect(s.delays).toEqual([1000, 2000, 4000]);
    expect(s.outcomes[0]).toMatchObject({ status: 'failed', attempts: 3, error: { kind: 'not-found', status: 404 } });
  });

  it('caps the delay at maxDelayMs', async () => {
    const s = await setup({ 'gen-x': { data: sampleGeneration('gen-x'), lag: 3 } }, { maxDelayMs: 5000 });
    s.queue.enqueue({ generationId: 'g', upstreamGenerationId: 'gen-x' });
    for (let i = 0; i < 4; i++) await s.step();
    expect(s.delays).toEqual([1000, 2000, 4000, 5000]);
    expect(s.outcomes[0]!.status).toBe('reconciled');
  });

  it('waits at least Retry-After on 429', async () => {
    const s = await setup({ 'gen-r': { data: sampleGeneration('gen-r') } });
    s.fake.respondNext('/generation', { status: 429, body: { error: { code: 429, message: 'slow down' } }, headers: { 'retry-after': '30' } });
    s.queue.enqueue({ generationId: 'g', upstreamGenerationId: 'gen-r' });
    await s.step();
    expect(s.delays).toEqual([1000, 30_000]);
    await s.step();
    expect(s.outcomes[0]!.status).toBe('reconciled');
  });

  it('does not retry an invalid key', async () => {
    const s = await setup();
    s.fake.respondNext('/generation', { status: 401, body: { error: { code: 401, message: 'bad key' } } });
    s.queue.enqueue({ generationId: 'g', upstreamGenerationId: 'gen-1' });
    await s.step();
    expect(s.outcomes[0]).toMatchObject({ status: 'failed', attempts: 1, error: { kind: 'invalid-key' } });
    expect(s.queued.size).toBe(0);
  });

  it('for BYOK compares against what the provider charged and flags a mismatch', async () => {
    // fee $0.000525 (total_cost), provider $0.0105 (upstream_inference_cost); local says $0.012 → 1,500 µ$ off > 1%
    const s = await setup({ 'gen-b': { data: sampleGeneration('gen-b', { is_byok: true, total_cost: 0.000525, upstream_inference_cost: 0.0105 }) } });
    s.queue.enqueue({ generationId: 'g', upstreamGenerationId: 'gen-b', localCostMicros: 12_000 });
    await s.step();
    expect(s.outcomes[0]).toMatchObject({ billedMicros: 10_500, comparison: { status: 'mismatch', diffMicros: 1_500 }, stats: { totalCostMicros: 525, isByok: true } });
  });

  it('stop() drops waiting jobs and their timers', async () => {
    const s = await setup({ 'gen-s': { data: sampleGeneration('gen-s') } });
    s.queue.enqueue({ generationId: 'a', upstreamGenerationId: 'gen-s' });
    s.queue.enqueue({ generationId: 'b', upstreamGenerationId: 'gen-s' });
    expect(s.queue.pending()).toBe(2);
    s.queue.stop();
    expect(s.queued.size).toBe(0);
    expect(s.queue.pending()).toBe(0);
    await s.queue.idle();
    expect(s.outcomes).toEqual([]);
  });

  it('runs on real timers by default', async () => {
    fake = await startFakeOpenRouterAccount({ keys: { [KEY]: { key: sampleKeyData() } }, generations: { 'gen-t': { data: sampleGeneration('gen-t'), lag: 1 } } });
    const client = createAccountClient({ apiKey: KEY, baseUrl: fake.baseUrl });
    const outcomes: ReconcileOutcome[] = [];
    const queue = createReconciliationQueue({ getGeneration: client.getGeneration, onResult: (o) => outcomes.push(o), firstDelayMs: 0, baseDelayMs: 5 });
    queue.enqueue({ generationId: 'g', upstreamGenerationId: 'gen-t' });
    await queue.idle();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status: 'reconciled', attempts: 2 });
  });

  it('a throwing result handler does not break the queue', async () => {
    const results: AccountResult<GenerationStats>[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = manualTimers();
    const queue = createReconciliationQueue({
      getGeneration: async (id) => {
        const r: AccountResult<GenerationStats> = { ok: false, error: { kind: 'invalid-key', status: 401, message: `no ${id}` } };
        results.push(r);
        return r;
      },
      onResult: () => {
        throw new Error('storage down');
      },
      timers: t.timers,
    });
    queue.enqueue({ generationId: 'g', upstreamGenerationId: 'x' });
    t.fire();
    await queue.idle();
    expect(results).toHaveLength(1);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
