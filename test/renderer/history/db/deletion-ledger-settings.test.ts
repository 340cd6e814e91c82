// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { freshDb, newConversation } from '../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage } from '../../../../renderer/history/db/messages';
import { deleteConversation, purgeDeletedConversations } from '../../../../renderer/history/db/deletion';
import { getConversation, listConversations } from '../../../../renderer/history/db/conversations';
import { getGeneration, queryGenerations, recordGeneration } from '../../../../renderer/history/db/generations';
import { groupRows } from '../../../../renderer/money/activity/aggregate';
import { assertNoSecret, getSetting, listSettings, setSetting, SecretRefusedError } from '../../../../renderer/history/db/settings';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';

function gen(id: string, over: Partial<GenerationRecord> = {}): GenerationRecord {
  return {
    id, createdAt: Date.UTC(2025, 4, 1, 12), requestedModel: 'openai/gpt-5', model: 'openai/gpt-5', upstreamId: 'openrouter', upstreamKind: 'openrouter',
    provider: 'OpenAI', attempts: [], tokens: { prompt: 100, completion: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costMicros: 1000,
    costSource: 'upstream', ttftMs: 200, durationMs: 900, tokensPerSecond: 55, finishReason: 'stop', nativeFinishReason: 'stop', isByok: false,
    streamed: true, cancelled: false, fallbackUsed: false, source: 'app', ...over,
  };
}

async function populated() {
  const conv = await newConversation('to delete');
  const u = await appendUserMessage(conv.id, { content: 'secret plans', attachments: [{ name: 'n.txt', mime: 'text/plain', data: new Uint8Array([1]) }] });
  const a = await createAssistantMessage(conv.id, { parentId: u.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
  await finalizeAssistantMessage(a.id, { status: 'done', content: 'noted', generationId: 'gen-del' });
  await recordGeneration(gen('gen-del'), { conversationId: conv.id, messageId: a.id });
  return { conv, u, a };
}

describe('deleting conversations', () => {
  it('hides at once, undo restores everything, purge removes rows for real and unlinks the ledger', async () => {
    const { db } = await freshDb();
    const keep = await newConversation('keep');
    const { conv, u, a } = await populated();
    const handle = await deleteConversation(conv.id, { undoMs: 60_000 });
    expect((await listConversations()).map((c) => c.id)).toEqual([keep.id]);
    expect(await getConversation(conv.id)).toBeUndefined();
    expect(await handle.undo()).toBe(true);
    expect((await listConversations()).map((c) => c.id).sort()).toEqual([keep.id, conv.id].sort());

    const again = await deleteConversation(conv.id, { undoMs: 60_000 });
    await again.purgeNow();
    expect(await again.undo()).toBe(false);
    expect(await db.conversations.get(conv.id)).toBeUndefined();
    expect(await getMessage(u.id)).toBeUndefined();
    expect(await getMessage(a.id)).toBeUndefined();
    expect(await db.attachments.where('conversationId').equals(conv.id).count()).toBe(0);
    const g = await getGeneration('gen-del');
    expect(g).toBeDefined(); // spend history stays…
    expect(g!.conversationId).toBeUndefined(); // …without the link
    expect(g!.messageId).toBeUndefined();
    expect(await db.conversations.get(keep.id)).toBeDefined();
  });

  it('purges by itself when the undo window ends, and can drop usage rows too', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { db } = await freshDb();
      const { conv } = await populated();
      await deleteConversation(conv.id, { undoMs: 5000, purgeUsage: true });
      expect(await db.conversations.get(conv.id)).toBeDefined();
      vi.advanceTimersByTime(5000);
    } finally {
      vi.useRealTimers();
    }
    const db = (await import('../../../../renderer/history/db/database')).getParleyDb();
    await vi.waitFor(async () => expect(await db.generations.get('gen-del')).toBeUndefined(), { timeout: 5000 });
    expect(await db.messages.count()).toBe(0);
  });

  it('a deletion left pending by a closed app is purged at the next start', async () => {
    const { db } = await freshDb();
    const { conv } = await populated();
    await db.conversations.update(conv.id, { deletedAt: Date.now() - 1000 }); // marked by a previous session
    expect(await purgeDeletedConversations()).toBe(1);
    expect(await db.conversations.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
  });
});

describe('usage ledger', () => {
  it('adds, queries by time/model/provider, and totals through the money module', async () => {
    await freshDb();
    const day = Date.UTC(2025, 4, 1, 12);
    await recordGeneration(gen('g1', { createdAt: day }));
    await recordGeneration(gen('g2', { createdAt: day + 3_600_000, model: 'anthropic/claude', requestedModel: 'anthropic/claude', provider: 'Anthropic', costMicros: 2500 }));
    await recordGeneration(gen('g3', { createdAt: day + 86_400_000 * 2, costMicros: undefined, costSource: 'none', costReason: 'no-pricing' }));
    expect((await queryGenerations()).map((g) => g.id)).toEqual(['g3', 'g2', 'g1']);
    expect((await queryGenerations({ from: day, to: day + 86_400_000 })).map((g) => g.id)).toEqual(['g2', 'g1']);
    expect((await queryGenerations({ provider: 'Anthropic' })).map((g) => g.id)).toEqual(['g2']);
    expect((await queryGenerations({ model: 'openai/gpt-5', order: 'asc' })).map((g) => g.id)).toEqual(['g1', 'g3']);
    // totals come from the money module, over the rows the store returns
    const byModel = groupRows(await queryGenerations(), 'model').map((g) => [g.key, g.totals.requests, g.totals.costMicros, g.totals.unpriced]);
    expect(byModel).toEqual([['anthropic/claude', 1, 2500, 0], ['openai/gpt-5', 2, 1000, 1]]);
  });
});

describe('settings', () => {
  it('stores preferences and refuses anything that looks like a key', async () => {
    const { db } = await freshDb();
    await setSetting('ui.columnsWide', true);
    expect(await getSetting('ui.columnsWide')).toBe(true);
    await expect(setSetting('openrouterApiKey', 'x')).rejects.toThrow(SecretRefusedError);
    await expect(setSetting('profile', { nested: { token: 'abc' } })).rejects.toThrow(/profile\.nested\.token/);
    await expect(setSetting('sync', { accessToken: 'abc' })).rejects.toThrow(SecretRefusedError);
    await setSetting('columnDefaults', { maxTokens: 1024, temperature: 0.7 }); // preferences about tokens are fine
    const key = 'sk-or-v1-0123456789abcdef0123456789abcdef';
    await expect(setSetting('notes', `my key is ${key}`)).rejects.toThrow(SecretRefusedError);
    try {
      assertNoSecret('notes', key);
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(key);
    }
    expect(Object.keys(await listSettings()).sort()).toEqual(['columnDefaults', 'ui.columnsWide']);
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('sk-or');
  });
});
