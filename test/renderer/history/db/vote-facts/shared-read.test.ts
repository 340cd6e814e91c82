// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../support/history-db';
import { createConversation, renameConversation } from '../../../../../renderer/history/db/conversations';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage } from '../../../../../renderer/history/db/messages';
import { setTurnVote } from '../../../../../renderer/history/db/votes';
import { readVoteFactsShared } from '../../../../../renderer/history/db/vote-facts/shared-read';
import { createHistoryLedger } from '../../../../../renderer/common/ledger/history-ledger';
import { makeRecord } from '../../../support/generation-records';
import type { TurnVote } from '../../../../../renderer/history/db/types';

const COLUMNS = [
  { id: 'a', model: 'openai/gpt-5', settings: {} },
  { id: 'b', model: 'x/y', settings: {} },
];

async function votedTurn(conversationId: string, at: number, gens: [string, string]) {
  const prompt = await appendUserMessage(conversationId, { content: `Question ${at}`, now: at });
  const answers = [];
  for (const [i, col] of COLUMNS.entries()) {
    const a = await createAssistantMessage(conversationId, { parentId: prompt.id, columnId: col.id, model: { requested: col.model } });
    await finalizeAssistantMessage(a.id, { status: 'done', content: `answer ${i}`, generationId: gens[i] });
    answers.push({ messageId: a.id, columnId: col.id, model: col.model, label: 'AB'[i]!, generationId: gens[i] });
  }
  const vote: TurnVote = { verdict: 'best', winnerId: answers[0]!.messageId, answers, blind: false, at };
  await setTurnVote(prompt.id, vote, at);
  return prompt.id;
}

describe('one read of the vote facts for every reader', () => {
  it('readers at the same time share one read, and a later reader gets it again while nothing changed', async () => {
    await freshDb();
    const room = await createConversation({ title: 'Sorting', columns: COLUMNS });
    await votedTurn(room.id, 1000, ['g1', 'g2']);
    const composer: string[] = [];
    const [first, second] = await Promise.all([readVoteFactsShared({ onRead: (v) => composer.push(`read ${v.length}`) }), readVoteFactsShared()]);
    expect(composer).toEqual(['read 1']);
    expect(second.votes).toBe(first.votes);
    const later: string[] = [];
    const third = await readVoteFactsShared({ onRead: (v) => later.push(`read ${v.length}`) });
    expect(third.votes).toBe(first.votes);
    expect(later).toEqual(['read 1']);
  });

  it('a vote, a ledger row or a rename after a read is in the next read', async () => {
    await freshDb();
    const room = await createConversation({ title: 'Sorting', columns: COLUMNS });
    await votedTurn(room.id, 1000, ['g1', 'g2']);
    const before = await readVoteFactsShared();
    expect(before.votes.map((v) => v.promptId)).toHaveLength(1);

    await votedTurn(room.id, 2000, ['g3', 'g4']);
    const afterVote = await readVoteFactsShared();
    expect(afterVote.votes).toHaveLength(2);

    await createHistoryLedger().ingest(makeRecord({ id: 'g3', model: 'openai/gpt-5', costMicros: 1234 }));
    const afterLedger = await readVoteFactsShared();
    expect(afterLedger.votes[1]!.vote.answers[0]!.costMicros).toBe(1234);

    await renameConversation(room.id, 'Sorting, renamed');
    expect((await readVoteFactsShared()).votes.map((v) => v.conversationTitle)).toEqual(['Sorting, renamed', 'Sorting, renamed']);
  });

  it('a reader that comes after a write began does not get the read that started before it', async () => {
    await freshDb();
    const room = await createConversation({ title: 'Sorting', columns: COLUMNS });
    await votedTurn(room.id, 1000, ['g1', 'g2']);
    const early = readVoteFactsShared();
    const write = votedTurn(room.id, 2000, ['g3', 'g4']);
    await write;
    const late = await readVoteFactsShared();
    expect(late.votes).toHaveLength(2);
    expect((await early).votes.length).toBeGreaterThanOrEqual(1);
  });
});
