// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../support/history-db';
import { importJson } from '../../../../../renderer/history/transfer/formats/import-json';
import { ImportError } from '../../../../../renderer/history/transfer/formats/guard';
import { getActivePath, listSiblings } from '../../../../../renderer/history/db/branches';
import { listAllMessages } from '../../../../../renderer/history/db/messages';
import { getConversation } from '../../../../../renderer/history/db/conversations';

// Shapes as published by independent open-source importers of OpenRouter Chatroom exports (see
// docs/export-format.md); OpenRouter itself documents none.

const v1 = {
  version: 'orpg.1.0',
  characters: { 'char-1': { id: 'char-1', modelInfo: { short_name: 'Claude 3.5 Haiku' } }, 'char-2': { id: 'char-2', modelInfo: { short_name: 'GPT-4' } } },
  messages: {
    'msg-1': { characterId: 'USER', content: "How many r's are in strawberry?", updatedAt: '2024-12-25T23:37:06.203Z' },
    'msg-2': { characterId: 'char-1', content: 'There are 3.', updatedAt: '2024-12-25T23:37:07.790Z' },
    'msg-3': { characterId: 'char-2', content: 'Three.', updatedAt: '2024-12-25T23:37:08.000Z' },
    'msg-4': { characterId: 'USER', content: 'And in raspberry?', updatedAt: '2024-12-25T23:38:00.000Z' },
    'msg-5': { characterId: 'char-1', content: 'Also 3.', updatedAt: '2024-12-25T23:38:01.000Z' },
  },
};

const ts = (s: number) => new Date(Date.UTC(2026, 7, 25, 10, 0, s)).toISOString();
const umsg = (id: string, item: string, s: number, parent: string | null = null) => ({
  id, characterId: 'USER', type: 'user', context: 'main-chat', parentMessageId: parent, createdAt: ts(s), updatedAt: ts(s), isEdited: false, isRetrying: false, items: [{ id: item, type: 'message' }],
});
const amsg = (id: string, cid: string, parent: string, refs: string[], s: number, model: string, cost = '0.00042') => ({
  id, characterId: cid, type: 'assistant', context: 'main-chat', parentMessageId: parent, createdAt: ts(s), updatedAt: ts(s), isEdited: false, isRetrying: false,
  metadata: { variantSlug: model, tokensCount: 120, cost, duration: 1500, generationId: `gen-${id}` },
  items: refs.map((r, i) => ({ id: r, type: 'message', outputIndex: i, sequenceIndex: i })),
});
const item = (id: string, messageId: string, type: 'message' | 'reasoning', text: string, role?: 'user') => ({
  id, messageId, data: { type, ...(role ? { role } : {}), content: [{ type: role === 'user' ? 'input_text' : type === 'message' ? 'output_text' : 'reasoning_text', text }] },
});

const v3 = {
  version: 'orpg.3.0',
  title: 'Hey, can you tell me',
  characters: {
    c1: { id: 'c1', model: 'minimax/minimax-m3:free', isRemoved: false, isDisabled: false },
    c2: { id: 'c2', model: 'google/gemma-4-31b-it:free', isRemoved: false, isDisabled: false },
  },
  messages: {
    m1: umsg('m1', 'i1', 0),
    m2: amsg('m2', 'c1', 'm1', ['i2r', 'i2'], 1, 'minimax/minimax-m3:free'),
    m3: amsg('m3', 'c2', 'm1', ['i3'], 2, 'google/gemma-4-31b-it:free', '0'),
    m4: amsg('m4', 'c1', 'm1', ['i4'], 3, 'minimax/minimax-m3:free'), // retry of c1
    m5: umsg('m5', 'i5', 4, 'm4'), // follow-up linked to an answer
    m6: amsg('m6', 'c1', 'm5', ['i6'], 5, 'minimax/minimax-m3:free'),
    m7: umsg('m7', 'i7', 6, 'm4'), // edited follow-up: sibling of m5
  },
  items: {
    i1: item('i1', 'm1', 'message', 'Hey, can you tell me about V?', 'user'),
    i2r: item('i2r', 'm2', 'reasoning', 'thinking about V'),
    i2: item('i2', 'm2', 'message', 'V is a compiled language.'),
    i3: item('i3', 'm3', 'message', 'V is simple.'),
    i4: item('i4', 'm4', 'message', 'V compiles fast.'),
    i5: item('i5', 'm5', 'message', 'How fast?', 'user'),
    i6: item('i6', 'm6', 'message', 'About a million lines per second.'),
    i7: item('i7', 'm7', 'message', 'Is it memory safe?', 'user'),
  },
  artifacts: {}, artifactFiles: {}, artifactVersions: {}, artifactFileContents: {},
};

describe('OpenRouter Chatroom import', () => {
  it('imports orpg.1.0 as one linear thread with a column per character', async () => {
    await freshDb();
    const report = await importJson(JSON.stringify(v1));
    expect(report.source).toBe('openrouter');
    expect(report.warnings).toEqual([]);
    const [id] = report.conversationIds;
    const conv = await getConversation(id!);
    expect(conv!.columns.map((c) => c.label)).toEqual(['Claude 3.5 Haiku', 'GPT-4']);
    const path = await getActivePath(id!);
    expect(path.turns.map((t) => [t.user.content, ...t.answers.map((a) => a.message.content)])).toEqual([
      ["How many r's are in strawberry?", 'There are 3.', 'Three.'],
      ['And in raspberry?', 'Also 3.'],
    ]);
    // importing the same file again does not duplicate it
    expect((await importJson(JSON.stringify(v1))).skippedConversationIds).toEqual([id]);
  });

  it('imports orpg.3.0 with items, reasoning, costs, retries and edited prompts as branches', async () => {
    await freshDb();
    const report = await importJson(JSON.stringify(v3));
    expect(report.warnings).toEqual([]);
    const id = report.conversationIds[0]!;
    const rows = await listAllMessages(id);
    expect(rows).toHaveLength(7);
    const m2 = rows.find((m) => m.id === 'm2')!;
    expect(m2).toMatchObject({
      role: 'assistant', columnId: 'c1', content: 'V is a compiled language.', reasoning: 'thinking about V', generationId: 'gen-m2',
      cost: { costMicros: 420, costSource: 'upstream' }, model: { requested: 'minimax/minimax-m3:free', upstream: 'openrouter' },
      timings: { durationMs: 1500 }, tokens: { completion: 120, estimated: true },
    });
    expect(rows.find((m) => m.id === 'm3')!.cost).toMatchObject({ costMicros: 0 });
    expect((await listSiblings('m2')).map((m) => m.id)).toEqual(['m2', 'm4']);
    expect(rows.find((m) => m.id === 'm5')!.parentId).toBe('m1'); // follow-up hangs off the prompt in Parley's tree
    expect((await listSiblings('m5')).map((m) => m.id)).toEqual(['m5', 'm7']);
    const path = await getActivePath(id);
    expect(path.turns.map((t) => t.user.content)).toEqual(['Hey, can you tell me about V?', 'Is it memory safe?']);
    expect(path.turns[0]!.answers.map((a) => a.message.content)).toEqual(['V compiles fast.', 'V is simple.']);
    expect((await getConversation(id))!.title).toBe('Hey, can you tell me');
  });

  it('rejects malformed OpenRouter files without writing', async () => {
    const { db } = await freshDb();
    await expect(importJson(JSON.stringify({ version: 'orpg.3.0', messages: [1, 2] }))).rejects.toThrow(/OpenRouter Chatroom export is malformed/);
    await expect(importJson(JSON.stringify({ version: 'orpg.3.0', messages: { m: { content: 5 } } }))).rejects.toThrow(/malformed/);
    expect(await db.conversations.count()).toBe(0);
  });

  it('refuses a file whose messages point to items it does not hold, naming them, and writes nothing', async () => {
    const { db } = await freshDb();
    // the shape that used to import silently as an empty prompt and an empty "unknown" answer
    const broken = {
      version: 'orpg.3.0',
      characters: {},
      messages: {
        m1: amsg('m1', 'ghost-character', 'ghost-parent', ['ghost-item', 'ghost-reasoning'], 1, 'openai/gpt-4o'),
      },
      items: {},
    };
    const err = await importJson(JSON.stringify(broken)).then(() => null, (e: ImportError) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err!.message).toBe('This OpenRouter Chatroom export is incomplete: message m1 refers to item ghost-item, which is not in the file. Nothing was imported.');
    expect(err!.details).toEqual([
      'message m1 refers to item ghost-item, which is not in the file',
      'message m1 refers to item ghost-reasoning, which is not in the file',
    ]);
    expect(await db.conversations.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
  });

  it('refuses a file without any message text', async () => {
    const { db } = await freshDb();
    const empty = { version: 'orpg.2.0', messages: { a: { characterId: 'USER', content: '' }, b: { characterId: 'c1', content: '  ' } } };
    await expect(importJson(JSON.stringify(empty))).rejects.toThrow('This OpenRouter Chatroom export holds no message text. Nothing was imported.');
    expect(await db.conversations.count()).toBe(0);
  });

  it('repairs answers from unlisted characters, dangling parents and text-less messages, and lists each repair', async () => {
    await freshDb();
    const file = {
      version: 'orpg.3.0',
      characters: { c1: { id: 'c1', model: 'minimax/minimax-m3:free' } },
      messages: {
        m1: umsg('m1', 'i1', 0),
        m2: amsg('m2', 'gone', 'm1', ['i2'], 1, 'openai/gpt-4o'), // its character was removed from the file
        m3: umsg('m3', 'i3', 2, 'deleted-message'), // follows a message the file does not hold
        m4: amsg('m4', 'c1', 'm3', ['i4'], 3, 'minimax/minimax-m3:free'),
        m5: amsg('m5', 'c1', 'm3', ['i5'], 4, 'minimax/minimax-m3:free'), // only an image
      },
      items: {
        i1: item('i1', 'm1', 'message', 'Draw me a cat', 'user'),
        i2: item('i2', 'm2', 'message', 'I cannot draw, but here is a poem.'),
        i3: item('i3', 'm3', 'message', 'Then a dog?', 'user'),
        i4: item('i4', 'm4', 'message', 'Woof.'),
        i5: { id: 'i5', messageId: 'm5', data: { type: 'image', content: [{ type: 'image_url' }] } },
      },
    };
    const report = await importJson(JSON.stringify(file));
    expect(report.warnings).toEqual([
      'Character gone is not in the file: its answers were put in a column of their own, named after the model they report (or "Unknown model"): m2.',
      'These messages follow messages that are not in the file and were placed after the prompt before them in time: m3.',
      'These messages hold no text Parley imports (only images, tool calls or other parts, or nothing) and were imported empty: m5.',
    ]);
    const id = report.conversationIds[0]!;
    const conv = await getConversation(id);
    expect(conv!.columns.map((c) => c.model)).toEqual(['minimax/minimax-m3:free', 'openai/gpt-4o']);
    const rows = await listAllMessages(id);
    expect(rows.find((m) => m.id === 'm3')!.parentId).toBe('m1'); // continues the thread instead of starting a new one
    const path = await getActivePath(id);
    expect(path.turns.map((t) => [t.user.content, ...t.answers.map((a) => a.message.content)])).toEqual([
      ['Draw me a cat', 'I cannot draw, but here is a poem.'],
      ['Then a dog?', ''],
    ]);
    expect(rows.find((m) => m.id === 'm4')!.content).toBe('Woof.');
  });

  it('says so when an answer without a prompt gets an empty one', async () => {
    await freshDb();
    const greeting = { version: 'orpg.1.0', characters: { c: { id: 'c', model: 'x/y' } }, messages: { a: { characterId: 'c', content: 'Hello! How can I help?' } } };
    const report = await importJson(JSON.stringify(greeting));
    expect(report.warnings).toEqual(['These answers have no prompt before them and were each given an empty prompt: a.']);
  });
});
