// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../../support/history-db';
import { getParleyDb } from '../../../../../renderer/history/db/database';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage } from '../../../../../renderer/history/db/messages';
import { getConversation, updateConversation } from '../../../../../renderer/history/db/conversations';
import { exportJson } from '../../../../../renderer/history/transfer/formats/export-json';
import { importJson } from '../../../../../renderer/history/transfer/formats/import-json';
import { ImportError } from '../../../../../renderer/history/transfer/formats/guard';

// A replay room with pinned providers and a column whose context window overflowed: every field of it survives an
// export and an import, as it is, or with the message ids a copy gives out.

async function replayRoom() {
  const conv = await newConversation('Replay of Sorting');
  const p1 = await appendUserMessage(conv.id, { content: 'Name a sorting algorithm' });
  const a1 = await createAssistantMessage(conv.id, { parentId: p1.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
  await finalizeAssistantMessage(a1.id, { status: 'done', content: 'Merge sort' });
  const p2 = await appendUserMessage(conv.id, { content: 'Which is stable?', parentId: p1.id });
  const replay = {
    sources: [
      { conversationId: 'conv_original', promptId: 'msg_orig1', excerpt: 'Name a sorting algorithm' },
      { conversationId: 'conv_original', promptId: 'msg_orig2', excerpt: 'Which is stable?' },
      { conversationId: 'conv_original', promptId: 'msg_orig3', excerpt: 'And the fastest?' },
    ],
    next: 2,
    state: 'paused' as const,
  };
  await updateConversation(conv.id, { replay, pinProviders: true, blind: true });
  const db = getParleyDb();
  await db.conversations.update(conv.id, { contextOverflow: 'drop-oldest', contextDropped: { colA: { model: 'openai/gpt-5', keptFromId: p2.id, droppedTurns: 1 } } });
  await db.messages.update(p1.id, { replayOf: { conversationId: 'conv_original', promptId: 'msg_orig1' } });
  await db.messages.update(p2.id, { replayOf: { conversationId: 'conv_original', promptId: 'msg_orig2' } });
  return { conv, p1, p2, replay };
}

describe('replays, pinned providers and context marks in exports', () => {
  it('round-trip through JSON unchanged', async () => {
    await freshDb();
    const { conv, p1, p2, replay } = await replayRoom();
    const json = await exportJson([conv.id]);
    await freshDb();
    await importJson(json);
    expect(await getConversation(conv.id)).toMatchObject({
      replay,
      pinProviders: true,
      contextOverflow: 'drop-oldest',
      contextDropped: { colA: { model: 'openai/gpt-5', keptFromId: p2.id, droppedTurns: 1 } },
    });
    expect((await getMessage(p1.id))!.replayOf).toEqual({ conversationId: 'conv_original', promptId: 'msg_orig1' });
    expect((await getMessage(p2.id))!.replayOf).toEqual({ conversationId: 'conv_original', promptId: 'msg_orig2' });
  });

  it('a copy keeps the links to the original rooms and points the context mark at the copied message', async () => {
    await freshDb();
    const { conv, p2, replay } = await replayRoom();
    const report = await importJson(await exportJson([conv.id]), { mode: 'copy', background: false });
    const copy = (await getConversation(report.conversationIds[0]!))!;
    expect(copy.id).not.toBe(conv.id);
    expect(copy.replay).toEqual(replay);
    const kept = copy.contextDropped!.colA!.keptFromId;
    expect(kept).not.toBe(p2.id);
    expect((await getMessage(kept))!.content).toBe('Which is stable?');
  });

  it('refuses a replay whose next prompt is past its last one', async () => {
    await freshDb();
    const { conv } = await replayRoom();
    const file = JSON.parse(await exportJson([conv.id]));
    file.conversations[0].replay.next = 9;
    await expect(importJson(JSON.stringify(file))).rejects.toThrow(ImportError);
  });
});
