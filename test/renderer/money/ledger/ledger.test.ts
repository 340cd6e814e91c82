// @vitest-environment node
import { describe, it, expect, afterEach } from 'vitest';
import { startLedgerSync, type LedgerSync } from '../../../../renderer/common/ledger/ledger-sync';
import type { StreamSnapshot } from '../../../../shared/contract/chat';
import type { GenerationReconciled } from '../../../../shared/contract/account';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import { createFakeBridge } from '../../support/fake-bridge';
import { makeRecord } from '../../support/generation-records';
import { freshLedger } from '../../support/fresh-ledger';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function setup(active: StreamSnapshot[] = []) {
  const { repo, close } = await freshLedger();
  const fake = createFakeBridge({ 'chat.active': () => active });
  const sync: LedgerSync = startLedgerSync(fake.bridge, repo);
  cleanups.push(() => {
    sync.stop();
    close();
  });
  return { repo, fake, sync };
}

const reconciled = (generationId: string, over: Partial<GenerationReconciled> = {}): GenerationReconciled => ({
  generationId,
  status: 'reconciled',
  billedMicros: 1_000,
  localMicros: 1_000,
  mismatch: false,
  diffMicros: 0,
  provider: 'OpenAI',
  nativeTokens: null,
  error: null,
  ...over,
});

function snapshot(record: GenerationRecord | null, meta = { conversationId: 'c1', messageId: 'm1', columnId: 'col1' }): StreamSnapshot {
  return {
    streamId: 'stream-0001', meta, status: 'done', text: 'THE ANSWER TEXT', reasoning: 'THE REASONING', toolCalls: [], model: 'openai/gpt-4o',
    provider: 'OpenAI', startedAt: 1, firstTokenAt: 2, seq: 3, finishReason: 'stop', error: null, record,
  };
}

describe('ledger', () => {
  it('stores every recorded generation, the app’s and other apps’, once per id', async () => {
    const { repo, fake, sync } = await setup();
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-a', source: 'app', costMicros: 1_000 }) });
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-b', source: 'local-api', createdAt: Date.UTC(2026, 8, 15, 13) }) });
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-a', source: 'app', costMicros: 1_200 }) });
    // A malformed record (an older or damaged main) is not stored.
    fake.emit('generation.recorded', { record: { id: 42 } as unknown as GenerationRecord });
    await sync.idle();
    const rows = await repo.list();
    expect(rows.map((r) => [r.id, r.source])).toEqual([
      ['gen-a', 'app'],
      ['gen-b', 'local-api'],
    ]);
    expect(rows[0]!.costMicros).toBe(1_200);
    expect(rows[0]!.tokens).toEqual({ prompt: 100, completion: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0 });
  });

  it('applies reconciliation: billed figure, mismatch flag and when it was checked', async () => {
    const { repo, fake, sync } = await setup();
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-ok', costMicros: 1_000 }) });
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-off', costMicros: 9_000 }) });
    fake.emit('generation.reconciled', reconciled('gen-ok'));
    fake.emit('generation.reconciled', reconciled('gen-off', { billedMicros: 10_500, localMicros: 9_000, mismatch: true, diffMicros: -1_500 }));
    await sync.idle();
    const ok = await repo.get('gen-ok');
    const off = await repo.get('gen-off');
    expect(ok).toMatchObject({ billedCostMicros: 1_000, mismatch: false });
    expect(off).toMatchObject({ billedCostMicros: 10_500, mismatch: true, reconcileDiffMicros: -1_500, costMicros: 9_000 });
    expect(typeof off!.reconciledAt).toBe('number');
  });

  it('keeps a result that arrives before its record, and a failed re-check never erases a billed figure', async () => {
    const { repo, fake, sync } = await setup();
    fake.emit('generation.reconciled', reconciled('gen-early', { billedMicros: 2_000, mismatch: true, diffMicros: -1_000 }));
    await sync.idle();
    expect(await repo.list()).toEqual([]);
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-early', costMicros: 1_000 }) });
    await sync.idle();
    expect(await repo.get('gen-early')).toMatchObject({ billedCostMicros: 2_000, mismatch: true });
    fake.emit('generation.reconciled', reconciled('gen-early', { status: 'failed', billedMicros: null, mismatch: false, error: 'HTTP 500' }));
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-early', costMicros: 1_000 }) });
    await sync.idle();
    expect(await repo.get('gen-early')).toMatchObject({ billedCostMicros: 2_000, mismatch: true });
    expect((await repo.get('gen-early'))!.reconcileError).toBeUndefined();
  });

  it('records a failed check on a row that was never billed', async () => {
    const { repo, fake, sync } = await setup();
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-f' }) });
    fake.emit('generation.reconciled', reconciled('gen-f', { status: 'failed', billedMicros: null, error: 'OpenRouter has no such record' }));
    await sync.idle();
    const row = await repo.get('gen-f');
    expect(row!.reconcileError).toBe('OpenRouter has no such record');
    expect(row!.billedCostMicros).toBeUndefined();
  });

  it('links a generation to its answer from chat.finished without storing the answer text', async () => {
    const { repo, fake, sync } = await setup();
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-l' }) });
    fake.emit('chat.finished', snapshot(makeRecord({ id: 'gen-l' }), { conversationId: 'conv-9', messageId: 'msg-9', columnId: 'col' }));
    fake.emit('generation.recorded', { record: makeRecord({ id: 'gen-l' }) });
    await sync.idle();
    const row = await repo.get('gen-l');
    expect(row).toMatchObject({ conversationId: 'conv-9', messageId: 'msg-9' });
    expect(JSON.stringify(row)).not.toContain('THE ANSWER TEXT');
    expect(JSON.stringify(row)).not.toContain('THE REASONING');
  });

  it('links every step of a tool loop to its answer, numbered, even the steps no generation.recorded reached', async () => {
    const { repo, fake, sync } = await setup();
    const steps = [makeRecord({ id: 'gen-s1', costMicros: 600 }), makeRecord({ id: 'gen-s2', costMicros: 700 }), makeRecord({ id: 'gen-s3', costMicros: 580 })];
    fake.emit('generation.recorded', { record: steps[0]! });
    fake.emit('chat.finished', {
      ...snapshot(steps[2]!, { conversationId: 'conv-t', messageId: 'msg-t', columnId: 'col' }),
      toolSteps: steps.map((record) => ({ text: '', record, calls: [] })),
    });
    await sync.idle();
    const rows = await repo.list();
    expect(rows.map((r) => [r.id, r.messageId, r.loopStep])).toEqual([
      ['gen-s1', 'msg-t', { n: 1, of: 3 }],
      ['gen-s2', 'msg-t', { n: 2, of: 3 }],
      ['gen-s3', 'msg-t', { n: 3, of: 3 }],
    ]);
    // A later copy of a step's record keeps its link and number.
    fake.emit('generation.recorded', { record: steps[1]! });
    await sync.idle();
    expect(await repo.get('gen-s2')).toMatchObject({ messageId: 'msg-t', loopStep: { n: 2, of: 3 } });
  });

  it('picks up answers main still holds when it starts', async () => {
    const { repo, sync } = await setup([snapshot(makeRecord({ id: 'gen-held' }), { conversationId: 'c2', messageId: 'm2', columnId: 'x' }), snapshot(null)]);
    await sync.idle();
    const rows = await repo.list();
    expect(rows.map((r) => [r.id, r.conversationId, r.messageId])).toEqual([['gen-held', 'c2', 'm2']]);
  });

  it('lists a createdAt range, start included, end excluded', async () => {
    const { repo, fake, sync } = await setup();
    for (const [id, h] of [['g1', 1], ['g2', 2], ['g3', 3]] as const) {
      fake.emit('generation.recorded', { record: makeRecord({ id, createdAt: Date.UTC(2026, 0, 1, h) }) });
    }
    await sync.idle();
    const ids = (await repo.list({ from: Date.UTC(2026, 0, 1, 2), to: Date.UTC(2026, 0, 1, 3) })).map((r) => r.id);
    expect(ids).toEqual(['g2']);
  });

  it('stops listening when stopped', async () => {
    const { fake, sync } = await setup();
    expect(fake.listenerCount('generation.recorded')).toBe(1);
    sync.stop();
    expect(fake.listenerCount('generation.recorded')).toBe(0);
  });
});

describe('ledger catch-up from main’s journal', () => {
  it('stores requests and reconciliations journaled while no window was open, and resumes from the last one', async () => {
    const { repo, close } = await freshLedger();
    const journal = [
      { seq: 1, at: 1, kind: 'record' as const, record: makeRecord({ id: 'gen-offline-1', source: 'local-api', costMicros: 500 }) },
      { seq: 2, at: 2, kind: 'reconciled' as const, reconciled: reconciled('gen-offline-1', { billedMicros: 700, localMicros: 500, mismatch: true, diffMicros: 200 }) },
      { seq: 3, at: 3, kind: 'record' as const, record: makeRecord({ id: 'gen-offline-2', source: 'local-api' }) },
    ];
    const asked: number[] = [];
    const fake = createFakeBridge({
      'chat.active': () => [],
      'generations.since': (input: unknown) => {
        const { afterSeq } = input as { afterSeq: number };
        asked.push(afterSeq);
        return journal.filter((e) => e.seq > afterSeq);
      },
    });
    const first = startLedgerSync(fake.bridge, repo);
    await first.idle();
    first.stop();
    const rows = await repo.list();
    expect(rows.map((r) => [r.id, r.source])).toEqual([['gen-offline-1', 'local-api'], ['gen-offline-2', 'local-api']]);
    expect(rows[0]).toMatchObject({ billedCostMicros: 700, mismatch: true });
    const second = startLedgerSync(fake.bridge, repo);
    await second.idle();
    second.stop();
    expect(asked).toEqual([0, 3, 3]);
    close();
  });
});
