// @vitest-environment node
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { V1_STORES, type V1Conversation, type V1Message } from '../../../../../renderer/history/db/migrations/v1';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../../../renderer/history/db/migrations';
import { ParleyDb, closeParleyDb, setParleyDb } from '../../../../../renderer/history/db/database';
import { getActivePath } from '../../../../../renderer/history/db/branches';
import { listMessages, appendUserMessage } from '../../../../../renderer/history/db/messages';
import { searchMessages } from '../../../../../renderer/history/db/search-index/query';
import { recoverInterrupted } from '../../../../../renderer/history/db/recovery';
import { queryGenerations } from '../../../../../renderer/history/db/generations';
import type { GenerationRow } from '../../../../../renderer/history/db/types';

const T0 = Date.UTC(2025, 0, 10, 9);

function v1Data() {
  const conv: V1Conversation = {
    id: 'conv_v1a',
    title: 'Comparing poems',
    createdAt: T0,
    updatedAt: T0 + 60_000,
    pinned: true,
    columns: [
      { id: 'gpt', model: 'openai/gpt-4o', label: 'GPT-4o', settings: { systemPrompt: 'Be terse.', temperature: 0.3 } },
      { id: 'claude', model: 'anthropic/claude-3.5-sonnet:beta', settings: { maxTokens: 800, provider: { order: ['anthropic'], allowFallbacks: false } } },
    ],
  };
  const msg = (m: Partial<V1Message> & Pick<V1Message, 'id' | 'role' | 'content' | 'createdAt'>): V1Message => ({
    conversationId: conv.id,
    parentId: null,
    columnId: null,
    status: 'done',
    updatedAt: m.createdAt,
    ...m,
  });
  const messages: V1Message[] = [
    msg({ id: 'm1', role: 'user', content: 'Write a haiku about autumn', createdAt: T0 + 1000, attachments: [{ id: 'att1', name: 'leaf.png', mime: 'image/png', size: 4 }] }),
    msg({
      id: 'm2', role: 'assistant', parentId: 'm1', columnId: 'gpt', content: 'Crimson leaves descend', createdAt: T0 + 2000,
      model: { requested: 'openai/gpt-4o', used: 'openai/gpt-4o-2024-08-06', provider: 'OpenAI', upstream: 'openrouter' },
      tokens: { prompt: 20, completion: 9, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
      cost: { costMicros: 215, costSource: 'upstream', reportedCostMicros: 215, computedCostMicros: 210, pricingSnapshot: { capturedAt: T0, rates: { prompt: '0.0000025', completion: '0.00001' } } },
      generationId: 'gen-a', timings: { ttftMs: 420, durationMs: 1300, tokensPerSecond: 6.9 }, finishReason: 'stop',
    }),
    msg({ id: 'm3', role: 'assistant', parentId: 'm1', columnId: 'claude', content: 'Maple fire whispers', reasoning: 'count syllables', createdAt: T0 + 2100, cost: { costSource: 'none', costReason: 'no-usage' } }),
    msg({ id: 'm4', role: 'assistant', parentId: 'm1', columnId: 'gpt', content: 'Amber drifting slow (regenerated)', createdAt: T0 + 3000 }),
    msg({ id: 'm5', role: 'user', parentId: 'm1', content: 'Now one about winter', createdAt: T0 + 4000 }),
    msg({ id: 'm6', role: 'assistant', parentId: 'm5', columnId: 'claude', content: 'Snow hushes the pines', createdAt: T0 + 5000, status: 'error', error: { code: 429, message: 'rate limited' } }),
    msg({ id: 'm7', role: 'user', parentId: 'm1', content: 'Now one about spring (edited)', createdAt: T0 + 6000 }),
    msg({ id: 'm8', role: 'assistant', parentId: 'm7', columnId: 'gpt', content: 'Blossoms wake the bees', createdAt: T0 + 7000, status: 'streaming' }),
  ];
  const orphan = msg({ id: 'm9', role: 'user', content: 'lost but not forgotten', createdAt: T0 + 8000, conversationId: 'conv_missing' } as V1Message);
  const generations: GenerationRow[] = [
    {
      id: 'gen-a', createdAt: T0 + 2000, requestedModel: 'openai/gpt-4o', model: 'openai/gpt-4o', upstreamId: 'openrouter', upstreamKind: 'openrouter', provider: 'OpenAI',
      attempts: [{ upstreamId: 'openrouter', provider: 'OpenAI', model: 'openai/gpt-4o', status: 200, durationMs: 1300 }],
      tokens: { prompt: 20, completion: 9, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, reportedCostMicros: 215, costMicros: 215, costSource: 'upstream',
      ttftMs: 420, durationMs: 1300, tokensPerSecond: 6.9, finishReason: 'stop', nativeFinishReason: 'stop', isByok: false, streamed: true, cancelled: false,
      fallbackUsed: false, source: 'app', conversationId: conv.id, messageId: 'm2',
    },
  ];
  return { conv, messages: [...messages, orphan], generations };
}

describe('schema migrations', () => {
  it('every version after the first has an upgrade, versions increase, current is the last', () => {
    SCHEMA_VERSIONS.forEach((v, i) => {
      if (i > 0) {
        expect(v.version).toBeGreaterThan(SCHEMA_VERSIONS[i - 1]!.version);
        expect(typeof v.upgrade).toBe('function');
      }
    });
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.at(-1)!.version);
  });

  it('opens a real v1 database with the current schema and loses nothing', async () => {
    closeParleyDb();
    const name = `parley-v1-${Math.random().toString(36).slice(2)}`;
    const data = v1Data();
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    await old.open();
    await old.table('conversations').put(data.conv);
    await old.table('messages').bulkPut(data.messages);
    await old.table('attachments').put({ id: 'att1', messageId: 'm1', conversationId: data.conv.id, name: 'leaf.png', mime: 'image/png', size: 4, blob: new Uint8Array([1, 2, 3, 4]).buffer });
    await old.table('generations').bulkPut(data.generations);
    await old.table('settings').put({ key: 'layout', value: { columnsWide: true }, updatedAt: T0 });
    old.close();

    const db = setParleyDb(new ParleyDb(name));
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);

    // every v1 field of every message survived, plus seq/groupId
    for (const m of data.messages) {
      const row = await db.messages.get(m.id);
      expect(row).toMatchObject(m);
      expect(row!.seq).toBeGreaterThan(0);
      expect(row!.groupId).toBeTruthy();
    }
    const rows = await listMessages(data.conv.id, { limit: 100 });
    expect(rows.map((r) => r.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const conv = await db.conversations.get(data.conv.id);
    expect(conv).toMatchObject({ ...data.conv, lastSeq: 8, headId: 'm7', selection: {} });
    expect(await db.attachments.get('att1')).toMatchObject({ messageId: 'm1', size: 4 });
    expect(Array.from(new Uint8Array((await db.attachments.get('att1'))!.blob))).toEqual([1, 2, 3, 4]);
    expect(await db.settings.get('layout')).toMatchObject({ value: { columnsWide: true } });
    expect(await queryGenerations({ conversationId: data.conv.id })).toEqual([expect.objectContaining({ id: 'gen-a', costMicros: 215 })]);

    // branches and columns: the newest prompt sibling (spring) is shown; the regenerated GPT answer is shown
    const path = await getActivePath(data.conv.id);
    expect(path.turns.map((t) => t.user.id)).toEqual(['m1', 'm7']);
    expect(path.turns[0]!.answers.map((a) => [a.columnId, a.message.id, a.siblings.ids.length])).toEqual([
      ['gpt', 'm4', 2],
      ['claude', 'm3', 1],
    ]);
    expect(path.turns[1]!.userSiblings.ids).toEqual(['m5', 'm7']);

    // the orphaned message got a conversation instead of vanishing
    const recovered = await db.conversations.get('conv_missing');
    expect(recovered).toMatchObject({ title: 'Recovered conversation', headId: 'm9', lastSeq: 1 });

    // search index was built; the answer left streaming by v1 is recoverable and then searchable
    expect((await searchMessages('haiku')).hits.map((h) => h.messageId)).toEqual(['m1']);
    expect((await searchMessages('blossoms')).total).toBe(0);
    expect((await recoverInterrupted()).map((r) => r.id)).toEqual(['m8']);
    expect((await searchMessages('blossoms')).hits.map((h) => h.messageId)).toEqual(['m8']);

    // and the upgraded conversation keeps working
    const next = await appendUserMessage(data.conv.id, { content: 'and summer?' });
    expect(next.seq).toBe(9);
    expect(next.parentId).toBe('m7');
  });

  it('upgrades a version 2 database so answers are found by their reasoning, keeping every hit it had', async () => {
    closeParleyDb();
    const name = `parley-v2-${Math.random().toString(36).slice(2)}`;
    const data = v1Data();
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    await old.open();
    await old.table('conversations').put(data.conv);
    await old.table('messages').bulkPut(data.messages);
    old.close();
    // the database as Parley 0.1 with schema 2 left it: its index holds message text only
    const v2 = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((x) => x.version <= 2)) {
      const version = v2.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    await v2.open();
    const metaBefore = (await v2.table('meta').get('search'))?.value as { nextDn: number; docCount: number };
    v2.close();

    const db = setParleyDb(new ParleyDb(name));
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect((await searchMessages('syllables')).hits.map((h) => [h.messageId, h.field])).toEqual([['m3', 'reasoning']]);
    expect((await searchMessages('haiku')).hits.map((h) => [h.messageId, h.field])).toEqual([['m1', 'content']]);
    expect((await searchMessages('maple')).hits.map((h) => h.messageId)).toEqual(['m3']);
    const meta = (await db.meta.get('search'))?.value as { nextDn: number; docCount: number };
    expect(meta).toMatchObject({ nextDn: metaBefore.nextDn, docCount: metaBefore.docCount });
    // document numbers were kept: a new message gets the next one and is found
    await appendUserMessage(data.conv.id, { content: 'and a syllables question' });
    expect((await searchMessages('syllables')).hits).toHaveLength(2);
  });
});

describe('schema version 3 (votes, blind rooms, fused answers)', () => {
  it('opens a real v2 database, keeps every row, indexes votes, and renames a column that used the reserved id "fused"', async () => {
    closeParleyDb();
    const name = `parley-v2-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
    old.version(2).stores(SCHEMA_VERSIONS[1]!.stores);
    await old.open();
    const conv = {
      id: 'conv_v2', title: 'Old room', createdAt: T0, updatedAt: T0, lastSeq: 4, headId: 'u1', pendingContinueFromId: null,
      columns: [{ id: 'gpt', model: 'openai/gpt-4o', settings: {} }, { id: 'fused', model: 'anthropic/claude-3.5-sonnet', settings: {} }],
      selection: { 'u1/fused': 'f1' },
    };
    const row = (id: string, seq: number, over: Record<string, unknown>) => ({ id, conversationId: conv.id, seq, status: 'done', createdAt: T0 + seq, updatedAt: T0 + seq, dn: seq, ...over });
    await old.table('conversations').put(conv);
    await old.table('messages').bulkPut([
      row('u1', 1, { parentId: null, groupId: 'root:conv_v2/user', columnId: null, role: 'user', content: 'Compare these' }),
      row('g1', 2, { parentId: 'u1', groupId: 'u1/gpt', columnId: 'gpt', role: 'assistant', content: 'from gpt' }),
      row('f1', 3, { parentId: 'u1', groupId: 'u1/fused', columnId: 'fused', role: 'assistant', content: 'from claude (first)' }),
      row('f2', 4, { parentId: 'u1', groupId: 'u1/fused', columnId: 'fused', role: 'assistant', content: 'from claude (second)' }),
    ]);
    old.close();

    const db = setParleyDb(new ParleyDb(name));
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const upgraded = await db.conversations.get(conv.id);
    expect(upgraded!.columns.map((c) => [c.id, c.model])).toEqual([['gpt', 'openai/gpt-4o'], ['fused-column', 'anthropic/claude-3.5-sonnet']]);
    expect(upgraded!.selection).toEqual({ 'u1/fused-column': 'f1' });
    expect((await db.messages.get('f2'))).toMatchObject({ columnId: 'fused-column', groupId: 'u1/fused-column', content: 'from claude (second)' });
    expect((await db.messages.get('g1'))).toMatchObject({ columnId: 'gpt', groupId: 'u1/gpt', content: 'from gpt' });
    // the renamed column's answers are still that column's, with the first one still the one shown
    const path = await getActivePath(conv.id);
    expect(path.turns[0]!.answers.map((a) => [a.columnId, a.message.id, a.siblings.ids])).toEqual([
      ['gpt', 'g1', ['g1']],
      ['fused-column', 'f1', ['f1', 'f2']],
    ]);
    // the new index answers queries: no votes yet, then the one just cast
    expect(await db.messages.where('vote.at').above(0).count()).toBe(0);
    await db.messages.update('u1', { vote: { verdict: 'tie', answers: [], blind: false, at: T0 + 9 } });
    expect(await db.messages.where('vote.at').above(0).primaryKeys()).toEqual(['u1']);
  });
});
