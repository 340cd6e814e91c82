// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage, listMessages, countMessages } from '../../../../renderer/history/db/messages';
import { getConversation, listConversations, updateConversation, createConversation } from '../../../../renderer/history/db/conversations';
import { getAttachmentBlob, toArrayBuffer } from '../../../../renderer/history/db/attachments';

describe('conversations and messages', () => {
  it('creates a conversation, appends prompts and answers with per-conversation seq', async () => {
    await freshDb();
    const conv = await newConversation('');
    const u1 = await appendUserMessage(conv.id, { content: 'What is the capital of France?\nThanks' });
    const a1 = await createAssistantMessage(conv.id, { parentId: u1.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
    const b1 = await createAssistantMessage(conv.id, { parentId: u1.id, columnId: 'colB', model: { requested: 'anthropic/claude-sonnet-4.5:thinking' } });
    expect([u1.seq, a1.seq, b1.seq]).toEqual([1, 2, 3]);
    expect(u1.columnId).toBeNull();
    expect(a1.status).toBe('streaming');
    const after = await getConversation(conv.id);
    expect(after!.title).toBe('What is the capital of France?');
    expect(after!.headId).toBe(u1.id);
    expect(after!.lastSeq).toBe(3);

    const done = await finalizeAssistantMessage(a1.id, {
      status: 'done',
      content: 'Paris.',
      tokens: { prompt: 12, completion: 3, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
      cost: { costMicros: 42, costSource: 'upstream', reportedCostMicros: 42 },
      generationId: 'gen-1',
      timings: { ttftMs: 300, durationMs: 900, tokensPerSecond: 5 },
      finishReason: 'stop',
      model: { used: 'openai/gpt-5-2025', provider: 'OpenAI', upstream: 'openrouter' },
    });
    expect(done.status).toBe('done');
    expect(done.streaming).toBeUndefined();
    const stored = await getMessage(a1.id);
    expect(stored).toMatchObject({ content: 'Paris.', cost: { costMicros: 42 }, model: { requested: 'openai/gpt-5', used: 'openai/gpt-5-2025' } });
  });

  it('rejects answers to unknown columns and prompts under answers', async () => {
    await freshDb();
    const conv = await newConversation();
    const u1 = await appendUserMessage(conv.id, { content: 'hi' });
    await expect(createAssistantMessage(conv.id, { parentId: u1.id, columnId: 'nope', model: { requested: 'x/y' } })).rejects.toThrow(/column nope/);
    const a1 = await createAssistantMessage(conv.id, { parentId: u1.id, columnId: 'colA', model: { requested: 'x/y' } });
    await expect(appendUserMessage(conv.id, { content: 'x', parentId: a1.id })).rejects.toThrow(/must follow a prompt/);
  });

  it('reads windows by seq: latest N, before and after a seq', async () => {
    await freshDb();
    const conv = await newConversation();
    let parent: string | null = null;
    for (let i = 0; i < 30; i++) {
      const u = await appendUserMessage(conv.id, { content: `prompt ${i}`, parentId: parent });
      parent = u.id;
    }
    const latest = await listMessages(conv.id, { limit: 10 });
    expect(latest.map((m) => m.seq)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    const before = await listMessages(conv.id, { limit: 5, beforeSeq: 21 });
    expect(before.map((m) => m.seq)).toEqual([16, 17, 18, 19, 20]);
    const after = await listMessages(conv.id, { limit: 3, afterSeq: 2 });
    expect(after.map((m) => m.seq)).toEqual([3, 4, 5]);
    expect(await countMessages(conv.id)).toBe(30);
    // another conversation's rows never leak into the window
    const other = await newConversation('other');
    await appendUserMessage(other.id, { content: 'elsewhere' });
    expect((await listMessages(conv.id, { limit: 100 })).every((m) => m.conversationId === conv.id)).toBe(true);
  });

  it('keeps attachments in their own table and refs on the message', async () => {
    const { db } = await freshDb();
    const conv = await newConversation();
    const bytes = new TextEncoder().encode('%PDF-1.7 fake');
    const u = await appendUserMessage(conv.id, {
      content: 'see file',
      attachments: [
        { name: 'a.pdf', mime: 'application/pdf', data: bytes },
        { name: 'b.txt', mime: 'text/plain', data: new Blob(['hello blob'], { type: 'text/plain' }) },
      ],
    });
    expect(u.attachments).toHaveLength(2);
    expect(new TextDecoder().decode(await toArrayBuffer((await getAttachmentBlob(u.attachments![1]!.id))!))).toBe('hello blob');
    const ref = u.attachments![0]!;
    expect(ref).toMatchObject({ name: 'a.pdf', mime: 'application/pdf', size: bytes.length });
    const raw = await db.messages.get(u.id);
    expect(JSON.stringify(raw)).not.toContain('PDF-1.7');
    const blob = await getAttachmentBlob(ref.id);
    expect(blob!.type).toBe('application/pdf');
    expect(Array.from(new Uint8Array(await toArrayBuffer(blob!)))).toEqual(Array.from(bytes));
  });

  it('lists conversations newest first and updates settings of columns', async () => {
    await freshDb();
    const a = await createConversation({ title: 'a', columns: [{ id: 'c1', model: 'm/one', settings: {} }], now: 1000 });
    await createConversation({ title: 'b', columns: [{ id: 'c1', model: 'm/one', settings: {} }], now: 2000 });
    expect((await listConversations()).map((c) => c.title)).toEqual(['b', 'a']);
    await updateConversation(a.id, { columns: [{ id: 'c1', model: 'm/two', settings: { maxTokens: 100 } }] }, 3000);
    expect((await listConversations()).map((c) => c.title)).toEqual(['a', 'b']);
    expect((await getConversation(a.id))!.columns[0]!.settings.maxTokens).toBe(100);
    await expect(createConversation({ columns: [{ id: 'x', model: 'a', settings: {} }, { id: 'x', model: 'b', settings: {} }] })).rejects.toThrow(/used twice/);
  });
});
