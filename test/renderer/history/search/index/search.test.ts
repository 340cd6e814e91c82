// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage } from '../../../../../renderer/history/db/messages';
import { searchMessages } from '../../../../../renderer/history/db/search-index/query';
import { snippetParts } from '../../../../../renderer/history/db/search-index/snippet';
import { MAX_RUN, tokenize } from '../../../../../renderer/history/db/search-index/tokenize';
import { deleteConversation } from '../../../../../renderer/history/db/deletion';
import { TAIL_MAX_BYTES } from '../../../../../renderer/history/db/search-index/writer';

async function say(conversationId: string, content: string, parentId?: string | null) {
  return appendUserMessage(conversationId, { content, ...(parentId !== undefined ? { parentId } : {}) });
}

async function reply(conversationId: string, parentId: string, content: string) {
  const m = await createAssistantMessage(conversationId, { parentId, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
  return finalizeAssistantMessage(m.id, { status: 'done', content });
}

describe('tokenizer', () => {
  it('folds case and diacritics, splits on punctuation, drops 1-letter words', () => {
    expect(tokenize('Café au LAIT, s’il vous plaît! a I x2').map((t) => t.term)).toEqual(['cafe', 'au', 'lait', 'il', 'vous', 'plait', 'x2']);
  });

  it('splits CJK into bigrams with offsets and never crashes on odd input', () => {
    const tokens = tokenize('東京大学で勉強');
    expect(tokens.map((t) => t.term)).toEqual(['東京', '京大', '大学', '学で', 'で勉', '勉強']);
    expect(tokens[2]).toMatchObject({ start: 2, end: 4 });
    expect(() => tokenize('\u{1F600}\u{20000}\u{20001}\ud800 lone surrogate 😀 ١٢٣ Ελληνικά')).not.toThrow();
    expect(tokenize('Ελληνικά').map((t) => t.term)).toEqual(['ελληνικα']);
  });

  it('skips a run of MAX_RUN characters without whitespace (a blob holds no words), keeps shorter ones', () => {
    const blob = 'Qm9yaW5n+YmxvYg/'.repeat(Math.ceil(MAX_RUN / 16)).slice(0, MAX_RUN);
    expect(tokenize(`before ${blob} after`).map((t) => t.term)).toEqual(['before', 'after']);
    expect(tokenize(`before ${blob.slice(1)} after`).length).toBeGreaterThan(100);
  });
});

describe('search', () => {
  it('finds an answer holding a 1 MB blob by its words', async () => {
    await freshDb();
    const conv = await newConversation('Blob');
    const u = await say(conv.id, 'send the file');
    const blob = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY+/'.repeat(31_000);
    const a = await reply(conv.id, u.id, `Here is the attachment:\n\n${blob}\n\nDecode it with base64.`);
    expect((await searchMessages('attachment decode')).hits.map((h) => h.messageId)).toEqual([a.id]);
    expect((await searchMessages('QUJDREVGR0hJSktMTU5PUFFSU1RVVldY')).total).toBe(0);
  });

  it('finds user and assistant messages with conversation, message and seq for jump-to-message', async () => {
    await freshDb();
    const conv = await newConversation('Cooking');
    const u = await say(conv.id, 'How do I make a sourdough starter?');
    const a = await reply(conv.id, u.id, 'Mix flour and water, then feed the sourdough starter daily.');
    const other = await newConversation('Travel');
    await say(other.id, 'Best time to visit Kyoto?');

    const res = await searchMessages('sourdough');
    expect(res.total).toBe(2);
    expect(res.hits.map((h) => h.messageId).sort()).toEqual([u.id, a.id].sort());
    const hit = res.hits.find((h) => h.messageId === a.id)!;
    expect(hit).toMatchObject({ conversationId: conv.id, conversationTitle: 'Cooking', seq: a.seq, role: 'assistant', columnId: 'colA' });
    expect(snippetParts(hit.snippet).filter((p) => p.hit).map((p) => p.text.toLowerCase())).toContain('sourdough');
    expect((await searchMessages('kyoto')).hits.map((h) => h.conversationId)).toEqual([other.id]);
    expect((await searchMessages('sourdough', { role: 'user' })).hits.map((h) => h.messageId)).toEqual([u.id]);
    expect((await searchMessages('sourdough', { conversationId: other.id })).hits).toEqual([]);
  });

  it('requires every term and ranks rarer, denser matches higher', async () => {
    await freshDb();
    const conv = await newConversation();
    const dense = await say(conv.id, 'quantum entanglement explained: quantum entanglement links particles');
    await say(conv.id, 'a long note that mentions quantum once among many other ordinary words about weather and food and travel plans');
    await say(conv.id, 'entanglement of headphone cables is annoying');
    const both = await searchMessages('quantum entanglement');
    expect(both.total).toBe(1);
    expect(both.hits[0]!.messageId).toBe(dense.id);
    const one = await searchMessages('quantum');
    expect(one.hits[0]!.messageId).toBe(dense.id);
    expect(one.hits[0]!.score).toBeGreaterThan(one.hits[1]!.score);
    expect((await searchMessages('quantum xylophone')).total).toBe(0);
  });

  it('matches the last term as a prefix while typing, unless followed by a space', async () => {
    await freshDb();
    const conv = await newConversation();
    const m = await say(conv.id, 'Refactoring the configuration loader');
    expect((await searchMessages('config')).hits.map((h) => h.messageId)).toEqual([m.id]);
    expect((await searchMessages('refactoring config')).hits.map((h) => h.messageId)).toEqual([m.id]);
    expect((await searchMessages('refact config')).total).toBe(0); // only the last term is a prefix
    expect((await searchMessages('config ')).total).toBe(0);
    expect((await searchMessages('config', { prefix: false })).total).toBe(0);
  });

  it('highlights every matched term in a snippet around the best cluster', async () => {
    await freshDb();
    const conv = await newConversation();
    const filler = 'lorem ipsum '.repeat(40);
    await say(conv.id, `${filler} the deadline for the grant proposal is Friday ${filler}`);
    const [hit] = (await searchMessages('grant deadline')).hits;
    expect(hit!.snippet.before).toBe(true);
    expect(hit!.snippet.after).toBe(true);
    expect(hit!.snippet.text.length).toBeLessThanOrEqual(160);
    const marked = snippetParts(hit!.snippet).filter((p) => p.hit).map((p) => p.text);
    expect(marked).toEqual(['deadline', 'grant']);
  });

  it('finds CJK text by any substring of two or more characters', async () => {
    await freshDb();
    const conv = await newConversation();
    const m = await say(conv.id, '我在东京大学学习计算机科学');
    expect((await searchMessages('东京大学')).hits.map((h) => h.messageId)).toEqual([m.id]);
    expect((await searchMessages('计算机')).hits.map((h) => h.messageId)).toEqual([m.id]);
    expect((await searchMessages('东')).hits.map((h) => h.messageId)).toEqual([m.id]);
    expect((await searchMessages('北京')).total).toBe(0);
  });

  it('updates incrementally: streamed answers become searchable when finished, re-finishing replaces terms', async () => {
    await freshDb();
    const conv = await newConversation();
    const u = await say(conv.id, 'question');
    const m = await createAssistantMessage(conv.id, { parentId: u.id, columnId: 'colA', model: { requested: 'x/y' } });
    expect((await searchMessages('photosynthesis')).total).toBe(0);
    await finalizeAssistantMessage(m.id, { status: 'stopped', content: 'photosynthesis converts light' });
    expect((await searchMessages('photosynthesis')).hits.map((h) => h.messageId)).toEqual([m.id]);
    await finalizeAssistantMessage(m.id, { status: 'done', content: 'chlorophyll absorbs light' });
    expect((await searchMessages('photosynthesis')).total).toBe(0);
    expect((await searchMessages('chlorophyll')).hits.map((h) => h.messageId)).toEqual([m.id]);
    expect((await searchMessages('light')).total).toBe(1);
  });

  it('keeps working when buckets outgrow their tail chunk (many messages sharing terms)', async () => {
    const { db } = await freshDb();
    const conv = await newConversation();
    let parent: string | null = null;
    const n = 700; // the "sha" bucket gets ~15 bytes per message, so its tail is sealed a few times
    for (let i = 0; i < n; i++) parent = (await say(conv.id, `shared shadow shallow sharp shape${i}`, parent)).id;
    const chunks = await db.searchPostings.toArray();
    expect(chunks.some((c) => c.b === 'sha' && c.n > 0)).toBe(true);
    expect(chunks.filter((c) => c.b === 'sha').every((c) => c.data.byteLength <= TAIL_MAX_BYTES * 2)).toBe(true);
    expect((await searchMessages('shared', { limit: 1000 })).hits).toHaveLength(n);
    expect((await searchMessages('shape699')).hits).toHaveLength(1);
    expect((await searchMessages('shallow sharp', { limit: 5 })).total).toBe(n);
  });

  it('deleted conversations disappear from results at once and their index entries are purged', async () => {
    const { db } = await freshDb();
    const keep = await newConversation('keep');
    const gone = await newConversation('gone');
    await say(keep.id, 'marmalade recipe');
    await say(gone.id, 'marmalade secrets and zanzibar');
    const handle = await deleteConversation(gone.id, { undoMs: 60_000 });
    expect((await searchMessages('marmalade')).hits.map((h) => h.conversationId)).toEqual([keep.id]);
    await handle.undo();
    expect((await searchMessages('marmalade')).total).toBe(2);
    const again = await deleteConversation(gone.id, { undoMs: 60_000 });
    await again.purgeNow();
    expect((await searchMessages('marmalade')).total).toBe(1);
    const chunks = await db.searchPostings.toArray();
    expect(chunks.some((c) => c.terms.includes('zanzibar'))).toBe(false);
  });
});
