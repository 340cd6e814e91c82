// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { COLUMNS, freshDb, newConversation } from '../../support/history-db';
import { appendTurn } from '../../../../renderer/history/db/append-turn';
import { getConversation, listConversations } from '../../../../renderer/history/db/conversations';
import { listAllMessages } from '../../../../renderer/history/db/messages';
import { InvalidWriteError, isQuotaError } from '../../../../renderer/history/db/errors';
import { searchMessages } from '../../../../renderer/history/db/search-index/query';

const answersFor = (ids: string[]) => ids.map((columnId) => ({ columnId, model: { requested: `model-of-${columnId}` } }));

describe('a sent turn is written in one transaction', () => {
  it('stores the prompt, one pending answer per column and the conversation’s new head together', async () => {
    await freshDb();
    const conv = await newConversation('');
    const turn = await appendTurn(conv.id, { content: 'Sourdough starter ratios?\nThanks' }, answersFor(['colA', 'colB']), 5_000);

    expect(turn.prompt).toMatchObject({ seq: 1, role: 'user', parentId: null, status: 'done', createdAt: 5_000 });
    expect(turn.answers.map((a) => [a.seq, a.columnId, a.parentId, a.status, a.model?.requested])).toEqual([
      [2, 'colA', turn.prompt.id, 'streaming', 'model-of-colA'],
      [3, 'colB', turn.prompt.id, 'streaming', 'model-of-colB'],
    ]);
    const stored = await getConversation(conv.id);
    expect(stored).toEqual(turn.conversation);
    expect(stored).toMatchObject({ headId: turn.prompt.id, lastSeq: 3, updatedAt: 5_000, title: 'Sourdough starter ratios?', pendingContinueFromId: null });
    expect((await listAllMessages(conv.id)).map((m) => m.id)).toEqual([turn.prompt.id, ...turn.answers.map((a) => a.id)]);
    expect((await searchMessages('sourdough')).hits.map((h) => h.messageId)).toEqual([turn.prompt.id]);
  });

  it('from a draft, creates the conversation in the same transaction', async () => {
    await freshDb();
    const turn = await appendTurn({ columns: COLUMNS }, { content: 'Hello there' }, answersFor(['colA', 'colB']));
    expect(await listConversations()).toEqual([turn.conversation]);
    expect(turn.conversation).toMatchObject({ title: 'Hello there', headId: turn.prompt.id, lastSeq: 3, columns: COLUMNS });
    expect(await listAllMessages(turn.conversation.id)).toHaveLength(3);
  });

  it('a failed write stores none of it: no prompt, no attachment, no answer, the conversation untouched', async () => {
    const { db, faults } = await freshDb();
    const conv = await newConversation();
    const first = await appendTurn(conv.id, { content: 'First question' }, answersFor(['colA', 'colB']));
    const before = await getConversation(conv.id);
    // the last answer's row fails (third message write): the prompt, its attachment and the first answer were
    // already written in the same transaction
    faults.failWrites('messages', 1, { after: 2 });
    const failed = appendTurn(
      conv.id,
      { content: 'Kyoto itinerary', attachments: [{ name: 'notes.txt', mime: 'text/plain', data: new TextEncoder().encode('temples') }] },
      answersFor(['colA', 'colB']),
    );
    const err = await failed.then(() => null, (e: unknown) => e);
    expect(isQuotaError(err)).toBe(true);

    expect(await getConversation(conv.id)).toEqual(before);
    expect((await listAllMessages(conv.id)).map((m) => m.id)).toEqual([first.prompt.id, ...first.answers.map((a) => a.id)]);
    expect((await searchMessages('kyoto')).hits).toEqual([]);
    expect(await db.attachments.count()).toBe(0);
  });

  it('the conversation’s new head failing to save takes the prompt and answers with it', async () => {
    const { faults } = await freshDb();
    const conv = await newConversation();
    faults.failWrites('conversations', 1);
    await expect(appendTurn(conv.id, { content: 'Hello' }, answersFor(['colA', 'colB']))).rejects.toSatisfy(isQuotaError);
    expect(await listAllMessages(conv.id)).toEqual([]);
    expect(await getConversation(conv.id)).toMatchObject({ headId: null, lastSeq: 0, title: 'Test chat' });
  });

  it('an answer that cannot be written (its column is gone) takes the prompt with it', async () => {
    await freshDb();
    const conv = await newConversation();
    await expect(appendTurn(conv.id, { content: 'Hello' }, answersFor(['colA', 'gone']))).rejects.toThrow(InvalidWriteError);
    expect(await listAllMessages(conv.id)).toEqual([]);
    expect(await getConversation(conv.id)).toMatchObject({ headId: null, lastSeq: 0 });
  });

  it('from a draft, a failed write leaves no conversation behind', async () => {
    const { faults } = await freshDb();
    faults.failWrites('messages', 1);
    await expect(appendTurn({ columns: COLUMNS }, { content: 'Hello there' }, answersFor(['colA', 'colB']))).rejects.toSatisfy(isQuotaError);
    expect(await listConversations()).toEqual([]);
  });
});
