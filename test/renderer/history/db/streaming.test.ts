// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { isQuotaError } from '../../../../renderer/history/db/errors';
import { freshDb, manualScheduler, newConversation, settle } from '../../support/history-db';
import { appendUserMessage, createAssistantMessage, getMessage } from '../../../../renderer/history/db/messages';
import { createStreamCheckpointer, heldCheckpointers, isStreamingHere, retryHeldCheckpointers } from '../../../../renderer/history/db/checkpointer';
import { recoverInterrupted } from '../../../../renderer/history/db/recovery';
import { onStorageProblem, type StorageProblem } from '../../../../renderer/history/db/events';
import { ParleyDb, setParleyDb } from '../../../../renderer/history/db/database';
import { searchMessages } from '../../../../renderer/history/db/search-index/query';

async function streamingAnswer() {
  const conv = await newConversation();
  const u = await appendUserMessage(conv.id, { content: 'tell me a story' });
  const m = await createAssistantMessage(conv.id, { parentId: u.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
  return { conv, u, m };
}

let unsubscribe: (() => void) | undefined;
afterEach(() => unsubscribe?.());

describe('stream checkpointer', () => {
  it('writes accumulated text at most once per interval, never once per token, and at once on finish', async () => {
    const { faults } = await freshDb();
    const { m } = await streamingAnswer();
    const clock = manualScheduler();
    const cp = createStreamCheckpointer(m.id, { intervalMs: 1000, scheduler: clock, now: clock.now });
    const before = faults.writes.get('messages') ?? 0;
    let expected = '';
    // 3 simulated seconds at 100 tokens/s
    for (let t = 0; t < 300; t++) {
      cp.appendText(`tok${t} `);
      expected += `tok${t} `;
      if (t === 0) cp.appendReasoning('thinking…');
      clock.advance(10);
      await settle(2);
    }
    await settle();
    const during = (faults.writes.get('messages') ?? 0) - before;
    expect(during).toBeGreaterThanOrEqual(2);
    expect(during).toBeLessThanOrEqual(4); // ~1 per second (plus the first), not 300
    const mid = await getMessage(m.id);
    expect(mid!.status).toBe('streaming');
    expect(expected.startsWith(mid!.content)).toBe(true);
    expect(mid!.content.length).toBeGreaterThan(0);

    const res = await cp.finish({ finishReason: 'stop', tokens: { prompt: 5, completion: 300, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, cost: { costMicros: 900, costSource: 'upstream' } });
    expect(res.saved).toBe(true);
    const final = await getMessage(m.id);
    expect(final).toMatchObject({ status: 'done', content: expected, reasoning: 'thinking…', finishReason: 'stop', cost: { costMicros: 900 } });
    expect(final!.streaming).toBeUndefined();
    expect(cp.unsaved).toBe(false);
    expect(clock.pending()).toBe(0);
  });

  it('stop and fail keep the partial text with their status', async () => {
    await freshDb();
    const a = await streamingAnswer();
    const cp = createStreamCheckpointer(a.m.id);
    cp.appendText('partial answer');
    await cp.stop();
    expect(await getMessage(a.m.id)).toMatchObject({ status: 'stopped', content: 'partial answer' });

    const b = await streamingAnswer();
    const cp2 = createStreamCheckpointer(b.m.id);
    cp2.appendText('half of it');
    await cp2.fail({ code: 502, message: 'upstream closed the connection' });
    expect(await getMessage(b.m.id)).toMatchObject({ status: 'error', content: 'half of it', error: { code: 502 } });
    expect((await searchMessages('half')).total).toBe(1);
  });

  it('a crash mid-stream leaves the last checkpoint; recovery marks it interrupted and keeps the text', async () => {
    const { name } = await freshDb();
    const { m } = await streamingAnswer();
    const clock = manualScheduler();
    const cp = createStreamCheckpointer(m.id, { scheduler: clock, now: clock.now });
    cp.appendText('The dragon woke up ');
    clock.advance(0);
    await settle();
    cp.appendText('and flew');
    clock.advance(1000);
    await settle();
    cp.appendText(' over the never-saved mountains'); // lost with the crash: no checkpoint after this
    // crash: the window goes away without finish; a new session opens the same database
    cp.dispose();
    const db2 = setParleyDb(new ParleyDb(name));
    await db2.open();
    const recovered = await recoverInterrupted();
    expect(recovered.map((r) => r.id)).toEqual([m.id]);
    const row = await getMessage(m.id);
    expect(row).toMatchObject({ status: 'interrupted', content: 'The dragon woke up and flew' });
    expect(row!.streaming).toBeUndefined();
    expect(row!.error?.message).toMatch(/closed before this answer finished/);
    expect((await searchMessages('dragon')).hits.map((h) => h.messageId)).toEqual([m.id]);
    expect(await recoverInterrupted()).toEqual([]);
  });

  it('recovery leaves answers that are still streaming in this window alone', async () => {
    await freshDb();
    const a = await streamingAnswer();
    const b = await streamingAnswer();
    const live = createStreamCheckpointer(a.m.id);
    live.appendText('still going');
    const recovered = await recoverInterrupted();
    expect(recovered.map((r) => r.id)).toEqual([b.m.id]);
    expect((await getMessage(a.m.id))!.status).toBe('streaming');
    await live.finish();
  });

  it('on QuotaExceededError keeps the answer in memory, tells the UI, retries, and wipes nothing', async () => {
    const { faults } = await freshDb();
    const { m } = await streamingAnswer();
    const problems: StorageProblem[] = [];
    unsubscribe = onStorageProblem((p) => problems.push(p));
    const clock = manualScheduler();
    const cp = createStreamCheckpointer(m.id, { scheduler: clock, now: clock.now, retryMs: 5000 });
    cp.appendText('saved part. ');
    clock.advance(0);
    await settle();
    expect((await getMessage(m.id))!.content).toBe('saved part. ');

    faults.failWrites('messages'); // the disk is full from now on
    cp.appendText('unsaved part.');
    clock.advance(1000);
    await settle();
    const res = await cp.finish({ finishReason: 'stop' });
    expect(res.saved).toBe(false);
    expect(cp.unsaved).toBe(true);
    expect(cp.text).toBe('saved part. unsaved part.');
    const quota = problems.filter((p) => p.type === 'quota-exceeded');
    expect(quota.length).toBeGreaterThanOrEqual(1);
    expect(quota[0]).toMatchObject({ messageId: m.id, retryInMs: 5000 });
    expect(quota[0]!.type === 'quota-exceeded' && quota[0]!.advice).toMatch(/free disk space/);
    // nothing was wiped: the last good checkpoint is still there
    expect(await getMessage(m.id)).toMatchObject({ status: 'streaming', content: 'saved part. ' });

    const saved = cp.whenSaved();
    clock.advance(5000); // still full: retried and failed again
    await settle();
    expect(cp.unsaved).toBe(true);
    faults.clear(); // space freed
    clock.advance(5000);
    await saved;
    expect(await getMessage(m.id)).toMatchObject({ status: 'done', content: 'saved part. unsaved part.' });
    expect(problems.some((p) => p.type === 'write-recovered')).toBe(true);
    expect(cp.unsaved).toBe(false);
  });
});

describe('a checkpointer held by a full disk', () => {
  it('keeps the final state given by main, retries until it lands, and only then lets go', async () => {
    const { faults } = await freshDb();
    const { m } = await streamingAnswer();
    const clock = manualScheduler();
    const cp = createStreamCheckpointer(m.id, { scheduler: clock, now: clock.now, retryMs: 5000 });
    cp.appendText('what this window saw');
    faults.failWrites('messages');
    const res = await cp.complete({ status: 'done', content: 'what this window saw, and the rest main kept', finishReason: 'stop' });
    expect(res.saved).toBe(false);
    expect(cp.held).toBe(true);
    expect(heldCheckpointers()).toContain(cp);
    expect(isStreamingHere(m.id)).toBe(true); // recovery must not mark it interrupted meanwhile
    let saved = false;
    void cp.whenSaved().then(() => (saved = true));
    for (let i = 0; i < 3; i++) {
      clock.advance(5000); // still full: tried and refused again
      await settle();
    }
    expect(saved).toBe(false);
    expect((await getMessage(m.id))!.status).toBe('streaming');
    faults.clear(); // space came back: the next retry lands, nobody has to reload
    clock.advance(5000);
    await settle();
    expect(saved).toBe(true);
    expect(await getMessage(m.id)).toMatchObject({ status: 'done', content: 'what this window saw, and the rest main kept', finishReason: 'stop' });
    expect(cp.held).toBe(false);
    expect(heldCheckpointers()).not.toContain(cp);
    expect(isStreamingHere(m.id)).toBe(false);
  });

  it('retries every held answer at once when one write succeeds or the user asks', async () => {
    const { faults } = await freshDb();
    const a = await streamingAnswer();
    const b = await streamingAnswer();
    const clock = manualScheduler();
    const cpA = createStreamCheckpointer(a.m.id, { scheduler: clock, now: clock.now, retryMs: 60_000 });
    const cpB = createStreamCheckpointer(b.m.id, { scheduler: clock, now: clock.now, retryMs: 60_000 });
    faults.failWrites('messages');
    expect((await cpA.complete({ status: 'done', content: 'answer A' })).saved).toBe(false);
    expect((await cpB.complete({ status: 'stopped', content: 'answer B' })).saved).toBe(false);
    faults.clear();
    // the user frees space and asks (banner button, or the window regains focus): no timer has fired
    retryHeldCheckpointers();
    await settle();
    expect(await getMessage(a.m.id)).toMatchObject({ status: 'done', content: 'answer A' });
    expect(await getMessage(b.m.id)).toMatchObject({ status: 'stopped', content: 'answer B' });
    expect(heldCheckpointers()).toEqual([]);

    // one answer's retry landing wakes the other held one too
    const c = await streamingAnswer();
    const d = await streamingAnswer();
    const cpC = createStreamCheckpointer(c.m.id, { scheduler: clock, now: clock.now, retryMs: 1000 });
    const cpD = createStreamCheckpointer(d.m.id, { scheduler: clock, now: clock.now, retryMs: 60_000 });
    faults.failWrites('messages');
    await cpD.complete({ status: 'done', content: 'answer D' });
    await cpC.complete({ status: 'done', content: 'answer C' });
    faults.clear();
    clock.advance(1000); // only C's timer fires
    await settle();
    expect(await getMessage(c.m.id)).toMatchObject({ status: 'done', content: 'answer C' });
    expect(await getMessage(d.m.id)).toMatchObject({ status: 'done', content: 'answer D' });
  });
});

describe('quota errors', () => {
  it('are recognised however Dexie wraps them', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', quota))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('messages.bulkAdd(): 2 of 2 operations failed', { 0: quota, 1: quota }))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('messages.bulkAdd(): 1 of 2 operations failed', { 1: new Dexie.ConstraintError('key exists') }))).toBe(false);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
