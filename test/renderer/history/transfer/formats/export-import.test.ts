// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, listAllMessages } from '../../../../../renderer/history/db/messages';
import { branchOnEdit, getActivePath } from '../../../../../renderer/history/db/branches';
import { recordGeneration, queryGenerations } from '../../../../../renderer/history/db/generations';
import { exportConversations, exportJson } from '../../../../../renderer/history/transfer/formats/export-json';
import { exportMarkdown } from '../../../../../renderer/history/transfer/formats/export-markdown';
import { importJson } from '../../../../../renderer/history/transfer/formats/import-json';
import { ImportError } from '../../../../../renderer/history/transfer/formats/guard';
import { searchMessages } from '../../../../../renderer/history/db/search-index/query';
import { getAttachmentBlob, toArrayBuffer } from '../../../../../renderer/history/db/attachments';
import { setSetting } from '../../../../../renderer/history/db/settings';
import type { ParleyDb } from '../../../../../renderer/history/db/database';
import type { GenerationRecord } from '../../../../../shared/openrouter/generation';
import { UPSTREAM_KINDS } from '../../../../../shared/providers/upstream-kinds';

const record = (id: string, createdAt: number): GenerationRecord => ({
  id, createdAt, requestedModel: 'openai/gpt-5', model: 'openai/gpt-5', upstreamId: 'openrouter', upstreamKind: 'openrouter', provider: 'OpenAI',
  attempts: [{ upstreamId: 'openrouter', provider: 'OpenAI', model: 'openai/gpt-5', status: 200, durationMs: 800 }],
  tokens: { prompt: 30, completion: 12, cacheRead: 10, cacheWrite: 0, reasoning: 4 }, reportedCostMicros: 130, computedCostMicros: 128,
  costMicros: 130, costSource: 'upstream', ttftMs: 250, durationMs: 800, tokensPerSecond: 15, finishReason: 'stop', nativeFinishReason: 'stop',
  isByok: false, streamed: true, cancelled: false, fallbackUsed: false, source: 'app',
});

async function buildRichConversation() {
  const conv = await newConversation('Rich chat');
  const u1 = await appendUserMessage(conv.id, { content: 'Explain monads', attachments: [{ name: 'notes.txt', mime: 'text/plain', data: new TextEncoder().encode('functor → monad') }] });
  const a1 = await createAssistantMessage(conv.id, { parentId: u1.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
  await finalizeAssistantMessage(a1.id, {
    status: 'done', content: 'A monad is a monoid in the category of endofunctors.', reasoning: 'keep it short',
    tokens: { prompt: 30, completion: 12, cacheRead: 10, cacheWrite: 0, reasoning: 4 },
    cost: { costMicros: 130, costSource: 'upstream', reportedCostMicros: 130, computedCostMicros: 128, pricingSnapshot: { capturedAt: 1_700_000_000_000, source: 'openrouter-live', rates: { prompt: '0.00000125', completion: '0.00001' } } },
    generationId: 'gen-rich-1', timings: { ttftMs: 250, durationMs: 800, tokensPerSecond: 15 }, finishReason: 'stop',
    model: { used: 'openai/gpt-5', provider: 'OpenAI', upstream: 'openrouter' },
  });
  await recordGeneration(record('gen-rich-1', 1_700_000_001_000), { conversationId: conv.id, messageId: a1.id });
  const b1 = await createAssistantMessage(conv.id, { parentId: u1.id, columnId: 'colB', model: { requested: 'anthropic/claude-sonnet-4.5:thinking' } });
  await finalizeAssistantMessage(b1.id, { status: 'error', content: '', error: { code: 429, message: 'rate limited' }, cost: { costSource: 'none', costReason: 'no-usage' } });
  const b2 = await createAssistantMessage(conv.id, { parentId: u1.id, columnId: 'colB', model: { requested: 'anthropic/claude-sonnet-4.5:thinking' } });
  await finalizeAssistantMessage(b2.id, { status: 'done', content: 'Think of a monad as a programmable semicolon.' });
  const u2 = await appendUserMessage(conv.id, { content: 'Give an example in Haskell' });
  const edited = await branchOnEdit(u2.id, { content: 'Give an example in TypeScript' });
  const a2 = await createAssistantMessage(conv.id, { parentId: edited.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
  await finalizeAssistantMessage(a2.id, { status: 'stopped', content: 'const bind = (m, f) => …' });
  return { conv, u1, a1, b1, b2, u2, edited, a2 };
}

async function userRowCount(db: ParleyDb) {
  const counts = await Promise.all([db.conversations.count(), db.messages.count(), db.attachments.count(), db.generations.count(), db.searchPostings.count(), db.importPacks.count(), db.importPackIndex.count()]);
  return counts.reduce((a, b) => a + b, 0);
}

async function expectRejected(db: ParleyDb, input: Parameters<typeof importJson>[0], pattern: RegExp, opts: Parameters<typeof importJson>[1] = {}) {
  const before = await userRowCount(db);
  const err = await importJson(input, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  expect((err as ImportError).message).toMatch(pattern);
  expect((err as ImportError).message).toMatch(/Nothing was imported/);
  expect(await userRowCount(db)).toBe(before);
  return err as ImportError;
}

describe('export and import', () => {
  it('round-trips branches, columns, costs, attachments and the ledger through JSON', async () => {
    await freshDb();
    const { conv, a1 } = await buildRichConversation();
    await setSetting('ui.theme', 'dark');
    const before = await listAllMessages(conv.id);
    const pathBefore = await getActivePath(conv.id);
    const json = await exportJson([conv.id]);
    const parsed = JSON.parse(json);
    expect(parsed).toMatchObject({ format: 'parley-export', version: 1, conversations: [{ id: conv.id, columns: [{ id: 'colA' }, { id: 'colB' }] }] });
    expect(parsed.conversations[0].attachments[0].data).toBe(btoa(String.fromCharCode(...new TextEncoder().encode('functor → monad'))));
    expect(json).not.toContain('ui.theme');

    await freshDb(); // another machine
    const report = await importJson(json);
    expect(report).toMatchObject({ source: 'parley', conversationIds: [conv.id], messages: before.length, attachments: 1, generations: 1, skippedConversationIds: [] });
    const after = await listAllMessages(conv.id);
    expect(after).toEqual(before.map((m) => ({ ...m, dn: expect.any(Number) })));
    const pathAfter = await getActivePath(conv.id);
    expect(pathAfter.turns.map((t) => [t.user.id, t.answers.map((a) => a.message.id)])).toEqual(pathBefore.turns.map((t) => [t.user.id, t.answers.map((a) => a.message.id)]));
    expect(after.find((m) => m.id === a1.id)!.cost).toEqual(before.find((m) => m.id === a1.id)!.cost);
    const blob = await getAttachmentBlob(after[0]!.attachments![0]!.id);
    expect(new TextDecoder().decode(await toArrayBuffer(blob!))).toBe('functor → monad');
    expect(await queryGenerations({ conversationId: conv.id })).toEqual([expect.objectContaining({ id: 'gen-rich-1', messageId: a1.id, costMicros: 130 })]);
    expect((await searchMessages('endofunctors')).hits.map((h) => h.messageId)).toEqual([a1.id]);
  });

  it('keeps which step of its answer’s tool loop a ledger row was, so the loop is still summed after import', async () => {
    const { db } = await freshDb();
    const { conv, a1 } = await buildRichConversation();
    await db.generations.update('gen-rich-1', (row) => void Object.assign(row, { loopStep: { n: 2, of: 2 } }));
    const json = await exportJson([conv.id]);
    await freshDb();
    await importJson(json);
    expect(await queryGenerations({ conversationId: conv.id })).toEqual([expect.objectContaining({ id: 'gen-rich-1', messageId: a1.id, loopStep: { n: 2, of: 2 } })]);
  });

  it('reads back its own export whatever kind of upstream served each answer', async () => {
    await freshDb();
    const conv = await newConversation('Every provider');
    const u = await appendUserMessage(conv.id, { content: 'Hello all' });
    for (const [i, kind] of UPSTREAM_KINDS.entries()) {
      const a = await createAssistantMessage(conv.id, { parentId: u.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
      await finalizeAssistantMessage(a.id, { status: 'done', content: `from ${kind}`, model: { used: 'openai/gpt-5', provider: kind, upstream: kind } });
      await recordGeneration({ ...record(`gen-${kind}`, 1_700_000_000_000 + i), upstreamId: kind, upstreamKind: kind }, { conversationId: conv.id, messageId: a.id });
    }
    const json = await exportJson([conv.id]);
    await freshDb();
    const report = await importJson(json);
    expect(report.generations).toBe(UPSTREAM_KINDS.length);
    expect((await queryGenerations({ conversationId: conv.id })).map((g) => g.upstreamKind).sort()).toEqual([...UPSTREAM_KINDS].sort());
  });

  it('re-importing the same file duplicates nothing; copy mode imports new ids without double-counting spend', async () => {
    const { db } = await freshDb();
    const { conv } = await buildRichConversation();
    const json = await exportJson();
    const messages = await db.messages.count();
    const again = await importJson(json);
    expect(again.conversationIds).toEqual([]);
    expect(again.skippedConversationIds).toEqual([conv.id]);
    expect(await db.messages.count()).toBe(messages);
    const copy = await importJson(json, { mode: 'copy' });
    expect(copy.conversationIds).toHaveLength(1);
    expect(copy.conversationIds[0]).not.toBe(conv.id);
    expect(copy.skippedGenerations).toBe(1);
    expect(await db.messages.count()).toBe(messages * 2);
    expect(await db.generations.count()).toBe(1);
    const copied = await getActivePath(copy.conversationIds[0]!);
    expect(copied.turns.map((t) => t.user.content)).toEqual(['Explain monads', 'Give an example in TypeScript']);
    expect((await searchMessages('semicolon')).total).toBe(2);
  });

  it('exports all conversations, and Markdown with one section per column on the shown branch', async () => {
    await freshDb();
    const { conv } = await buildRichConversation();
    const other = await newConversation('Second');
    await appendUserMessage(other.id, { content: 'hello' });
    const all = await exportConversations();
    expect(all.conversations.map((c) => c.id).sort()).toEqual([conv.id, other.id].sort());
    const md = await exportMarkdown(conv.id, { now: Date.UTC(2025, 5, 1) });
    expect(md).toMatch(/^# Rich chat\n/);
    expect(md).toContain('## GPT (`openai/gpt-5`)');
    expect(md).toContain('## `anthropic/claude-sonnet-4.5:thinking`');
    expect(md).toContain('Give an example in TypeScript');
    expect(md).not.toContain('Give an example in Haskell'); // another branch
    expect(md).toContain('$0.00013');
    expect(md).toContain('programmable semicolon');
    expect(md).toContain('_Attachments: notes.txt_');
    expect(md.indexOf('## GPT')).toBeLessThan(md.indexOf('## `anthropic'));
  });

  it('calls a stopped answer "Stopped" in Markdown, as the room does, and keeps real errors', async () => {
    await freshDb();
    const conv = await newConversation('Stops');
    const u = await appendUserMessage(conv.id, { content: 'Tell a long story' });
    const stopped = await createAssistantMessage(conv.id, { parentId: u.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
    await finalizeAssistantMessage(stopped.id, { status: 'stopped', content: 'Once upon a time', error: { message: 'The request was cancelled by the caller' } });
    const failed = await createAssistantMessage(conv.id, { parentId: u.id, columnId: 'colB', model: { requested: 'anthropic/claude-sonnet-4.5:thinking' } });
    await finalizeAssistantMessage(failed.id, { status: 'error', content: '', error: { code: 429, message: 'Rate limited by the provider' } });
    const md = await exportMarkdown(conv.id);
    expect(md).toContain('Once upon a time\n\n_Stopped._');
    expect(md).not.toContain('cancelled by the caller');
    expect(md).toContain('_Error: Rate limited by the provider_');
  });

  describe('rejects bad files with a clear message and writes nothing', () => {
    const valid = () => ({
      format: 'parley-export', version: 1, conversations: [{ id: 'conv_x', title: 't', createdAt: 1, updatedAt: 2, columns: [{ id: 'c1', model: 'm/x', settings: {} }],
        messages: [{ id: 'm1', seq: 1, parentId: null, columnId: null, role: 'user', content: 'hi', status: 'done', createdAt: 1, updatedAt: 1 }] }],
    });

    it('malformed and truncated JSON', async () => {
      const { db } = await freshDb();
      await expectRejected(db, '{"format": "parley-export", oops}', /not valid JSON/);
      const text = JSON.stringify(valid());
      await expectRejected(db, text.slice(0, text.length - 10), /ends in the middle/);
      await expectRejected(db, new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), /not UTF-8/);
    });

    it('oversized files, before reading them', async () => {
      const { db } = await freshDb();
      const err = await expectRejected(db, JSON.stringify(valid()), /imports files up to/, { limits: { maxBytes: 100 } });
      expect(err.code).toBe('too-large');
      await expectRejected(db, new Blob(['x'.repeat(2000)]), /too|up to/, { limits: { maxBytes: 1000 } });
    });

    it('prototype-pollution keys anywhere', async () => {
      const { db } = await freshDb();
      await expectRejected(db, '{"format":"parley-export","version":1,"conversations":[],"__proto__":{"polluted":true}}', /"__proto__"/);
      const nested = valid() as Record<string, unknown>;
      (nested.conversations as Record<string, unknown>[])[0]!.selection = JSON.parse('{"constructor": {"prototype": {"x": 1}}}');
      await expectRejected(db, JSON.stringify(nested), /"constructor"/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('absurd nesting', async () => {
      const { db } = await freshDb();
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const err = await expectRejected(db, `{"format":"parley-export","version":1,"conversations":[],"x":${deep}}`, /nests data more than 32 levels/);
      expect(err.code).toBe('too-deep');
    });

    it('wrong types, huge strings, unknown formats and newer versions', async () => {
      const { db } = await freshDb();
      const wrong = valid();
      (wrong.conversations[0]!.messages[0] as Record<string, unknown>).seq = 'one';
      await expectRejected(db, JSON.stringify(wrong), /conversations\[0\]\.messages\[0\]\.seq/);
      const huge = valid();
      huge.conversations[0]!.title = 'x'.repeat(5000);
      await expectRejected(db, JSON.stringify(huge), /conversations\[0\]\.title.*2000/);
      const bigContent = valid();
      bigContent.conversations[0]!.messages[0]!.content = 'y'.repeat(20_000);
      await expectRejected(db, JSON.stringify(bigContent), /content/, { limits: { maxTextChars: 10_000 } });
      await expectRejected(db, JSON.stringify({ hello: 'world' }), /neither a Parley export nor an OpenRouter/);
      await expectRejected(db, JSON.stringify([1, 2]), /neither a Parley export/);
      await expectRejected(db, JSON.stringify({ ...valid(), version: 7 }), /newer Parley/);
      await expectRejected(db, JSON.stringify({ version: 'orpg.9.0', messages: {} }), /orpg\.9\.0/);
    });

    it('broken trees and duplicate ids', async () => {
      const { db } = await freshDb();
      const orphan = valid();
      orphan.conversations[0]!.messages.push({ id: 'm2', seq: 2, parentId: 'nope', columnId: 'c1', role: 'assistant', content: 'x', status: 'done', createdAt: 1, updatedAt: 1 } as never);
      await expectRejected(db, JSON.stringify(orphan), /parent \(nope\) that is not in this conversation/);
      const dup = valid();
      dup.conversations[0]!.messages.push({ ...dup.conversations[0]!.messages[0]!, seq: 2 });
      await expectRejected(db, JSON.stringify(dup), /message id m1 appears twice/);
      const badId = valid();
      badId.conversations[0]!.messages[0]!.id = '../../etc/passwd';
      await expectRejected(db, JSON.stringify(badId), /not a valid id/);
      const badAtt = valid() as ReturnType<typeof valid> & { conversations: { attachments?: unknown[] }[] };
      badAtt.conversations[0]!.attachments = [{ id: 'a1', messageId: 'm1', name: 'f', mime: 'text/plain', size: 3, data: '###' }];
      await expectRejected(db, JSON.stringify(badAtt), /not valid base64/);
    });

    it('a write failure (disk full) rolls the whole import back', async () => {
      const { db, faults } = await freshDb();
      faults.failWrites('searchPostings');
      const err = await expectRejected(db, JSON.stringify(valid()), /not enough disk space/);
      expect(err.code).toBe('write-failed');
    });

    it('a full disk hidden in Dexie’s BulkError still reads as not enough space, with what to do', async () => {
      const { db, faults } = await freshDb();
      faults.failWrites('messages', Infinity, { how: 'per-row' }); // each row refused, as IndexedDB does in a bulk write
      const err = await expectRejected(db, JSON.stringify(valid()), /not enough disk space/);
      expect(err.code).toBe('write-failed');
      expect(err.message).toMatch(/Free some disk space \(or delete conversations you no longer need\) and import the file again/);
      expect(err.message).not.toMatch(/BulkError/);
    });
  });
});
