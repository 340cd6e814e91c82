// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../support/history-db';
import { importJson, PACK_THRESHOLD } from '../../../../../renderer/history/transfer/formats/import-json';
import { exportConversations } from '../../../../../renderer/history/transfer/formats/export-json';
import { listMessages, getMessage, appendUserMessage } from '../../../../../renderer/history/db/messages';
import { getActivePath } from '../../../../../renderer/history/db/branches';
import { searchMessages } from '../../../../../renderer/history/db/search-index/query';
import { startBackgroundMaterializer, hasPendingPacks } from '../../../../../renderer/history/db/staging/materialize';
import { queryGenerations } from '../../../../../renderer/history/db/generations';
import { deleteConversation } from '../../../../../renderer/history/db/deletion';

function bigExport(conversations: number, turns: number) {
  const convs = [];
  for (let c = 0; c < conversations; c++) {
    const messages = [];
    const generations = [];
    let seq = 0;
    let prevUser: string | null = null;
    for (let t = 0; t < turns; t++) {
      const uid = `m_${c}_${t}_u`;
      messages.push({ id: uid, seq: ++seq, parentId: prevUser, columnId: null, role: 'user', content: `question ${t} about topic${c} zebra${t}`, status: 'done', createdAt: 1000 + seq, updatedAt: 1000 + seq });
      const aid = `m_${c}_${t}_a`;
      messages.push({ id: aid, seq: ++seq, parentId: uid, columnId: 'col1', role: 'assistant', content: `answer ${t} for conversation ${c}`, status: 'done', createdAt: 1000 + seq, updatedAt: 1000 + seq,
        cost: { costMicros: 10, costSource: 'upstream' }, generationId: `gen_${c}_${t}` });
      generations.push({ id: `gen_${c}_${t}`, createdAt: 1000 + seq, requestedModel: 'a/b', model: 'a/b', upstreamId: 'openrouter', upstreamKind: 'openrouter', provider: 'P', attempts: [],
        tokens: { prompt: 1, completion: 2, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costMicros: 10, costSource: 'upstream', ttftMs: 1, durationMs: 2, tokensPerSecond: 1,
        finishReason: 'stop', nativeFinishReason: 'stop', isByok: false, streamed: true, cancelled: false, fallbackUsed: false, source: 'app', messageId: aid });
      prevUser = uid;
    }
    convs.push({ id: `conv_big${c}`, title: `Big ${c}`, createdAt: 1000, updatedAt: 1000 + seq, columns: [{ id: 'col1', model: 'a/b', settings: {} }], headId: prevUser, messages, generations, attachments: [] });
  }
  return { format: 'parley-export', version: 1, conversations: convs };
}

describe('large imports (staged in packs)', () => {
  it('are readable, searchable and exportable before and after background expansion', async () => {
    const { db } = await freshDb();
    const file = bigExport(2, 800); // 3200 messages > PACK_THRESHOLD
    expect(3200).toBeGreaterThan(PACK_THRESHOLD);
    const report = await importJson(JSON.stringify(file), { background: false });
    expect(report.messages).toBe(3200);
    expect(report.generations).toBe(1600);
    expect(await db.importPacks.count()).toBeGreaterThan(1);
    expect(await db.messages.count()).toBe(0); // staged, not yet expanded

    // search finds staged rows (expanding only the packs holding the hits)
    const hits = await searchMessages('zebra799');
    expect(hits.hits.map((h) => h.messageId).sort()).toEqual(['m_0_799_u', 'm_1_799_u']);
    // reading a conversation expands it first
    const latest = await listMessages('conv_big0', { limit: 4 });
    expect(latest.map((m) => m.id)).toEqual(['m_0_798_u', 'm_0_798_a', 'm_0_799_u', 'm_0_799_a']);
    const path = await getActivePath('conv_big0', { maxTurns: 2 });
    expect(path.turns.map((t) => t.user.id)).toEqual(['m_0_798_u', 'm_0_799_u']);
    expect(await getMessage('m_1_5_a')).toMatchObject({ content: 'answer 5 for conversation 1' });
    expect((await queryGenerations({ conversationId: 'conv_big1' })).length).toBe(800);

    // background expansion finishes the rest
    const idle = new Promise<void>((resolve) => startBackgroundMaterializer(db, { pauseMs: 0, onIdle: resolve }));
    await idle;
    expect(await hasPendingPacks(db)).toBe(false);
    expect(await db.messages.count()).toBe(3200);
    expect(await db.generations.count()).toBe(1600);

    const exported = await exportConversations(['conv_big1']);
    const original = file.conversations[1]!;
    expect(exported.conversations[0]!.messages).toEqual(original.messages);
    const next = await appendUserMessage('conv_big1', { content: 'one more' });
    expect(next).toMatchObject({ seq: 1601, parentId: 'm_1_799_u' });
    expect((await searchMessages('zebra0')).total).toBe(2);
  });

  it('re-import is skipped even while packs are pending; deleting a staged conversation purges its packs', async () => {
    const { db } = await freshDb();
    const file = JSON.stringify(bigExport(1, 1100));
    await importJson(file, { background: false });
    const again = await importJson(file, { background: false });
    expect(again.skippedConversationIds).toEqual(['conv_big0']);
    const handle = await deleteConversation('conv_big0');
    await handle.purgeNow();
    expect(await db.importPacks.count()).toBe(0);
    expect(await db.importPackIndex.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
    expect(await db.searchPostings.count()).toBe(0);
    expect((await searchMessages('zebra1')).total).toBe(0);
  });
});
