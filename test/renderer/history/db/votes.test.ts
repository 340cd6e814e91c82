// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage } from '../../../../renderer/history/db/messages';
import { createConversation, updateConversation } from '../../../../renderer/history/db/conversations';
import { listVotes, setTurnVote } from '../../../../renderer/history/db/votes';
import { createFusedAnswer } from '../../../../renderer/history/db/fused';
import { deleteConversation } from '../../../../renderer/history/db/deletion';
import { getActivePath } from '../../../../renderer/history/db/branches';
import { InvalidWriteError, NotFoundError } from '../../../../renderer/history/db/errors';
import { FUSED_COLUMN_ID } from '../../../../renderer/history/db/group-id';
import type { TurnVote } from '../../../../renderer/history/db/types';

async function answered(content = 'Which is faster?') {
  const conv = await newConversation();
  const prompt = await appendUserMessage(conv.id, { content });
  const a = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'colA', model: { requested: 'openai/gpt-5' } });
  await finalizeAssistantMessage(a.id, { status: 'done', content: 'Rust', generationId: 'gen-a' });
  const b = await createAssistantMessage(conv.id, { parentId: prompt.id, columnId: 'colB', model: { requested: 'anthropic/claude-sonnet-4.5' } });
  await finalizeAssistantMessage(b.id, { status: 'done', content: 'Go' });
  return { conv, prompt, a, b };
}

const bestVote = (a: string, b: string, at = 1_000, winner = a): TurnVote => ({
  verdict: 'best',
  winnerId: winner,
  blind: true,
  at,
  answers: [
    { messageId: a, columnId: 'colA', model: 'openai/gpt-5', generationId: 'gen-a', label: 'A' },
    { messageId: b, columnId: 'colB', model: 'anthropic/claude-sonnet-4.5', label: 'B' },
  ],
});

describe('votes stored with their turn', () => {
  it('records a vote on the prompt row, marks the conversation changed, and lists it', async () => {
    await freshDb();
    const { conv, prompt, a, b } = await answered();
    const row = await setTurnVote(prompt.id, bestVote(a.id, b.id, 5_000), 9_000);
    expect(row.vote).toEqual(bestVote(a.id, b.id, 5_000));
    expect((await getMessage(prompt.id))!.vote!.winnerId).toBe(a.id);
    expect((await getActivePath(conv.id)).conversation.updatedAt).toBe(9_000);
    expect(await listVotes()).toEqual([
      { promptId: prompt.id, conversationId: conv.id, conversationTitle: 'Test chat', promptExcerpt: 'Which is faster?', category: 'chat', vote: bestVote(a.id, b.id, 5_000) },
    ]);
  });

  it('replaces a vote, withdraws it, and lists only votes in the time range', async () => {
    await freshDb();
    const one = await answered('first');
    const two = await answered('second');
    await setTurnVote(one.prompt.id, bestVote(one.a.id, one.b.id, 1_000));
    await setTurnVote(two.prompt.id, { ...bestVote(two.a.id, two.b.id, 2_000), verdict: 'tie', winnerId: undefined } as TurnVote);
    await setTurnVote(one.prompt.id, bestVote(one.a.id, one.b.id, 3_000, one.b.id));
    expect((await listVotes()).map((v) => [v.promptExcerpt, v.vote.at])).toEqual([
      ['second', 2_000],
      ['first', 3_000],
    ]);
    expect((await listVotes({ from: 2_500 })).map((v) => v.promptExcerpt)).toEqual(['first']);
    expect((await listVotes({ to: 2_500 })).map((v) => v.promptExcerpt)).toEqual(['second']);
    await setTurnVote(two.prompt.id, null);
    expect((await getMessage(two.prompt.id))!.vote).toBeUndefined();
    expect((await listVotes()).map((v) => v.promptExcerpt)).toEqual(['first']);
  });

  it('refuses votes that do not fit the turn, with the reason, and changes nothing', async () => {
    await freshDb();
    const { prompt, a, b } = await answered();
    const other = await answered();
    const bad: [TurnVote, RegExp][] = [
      [{ ...bestVote(a.id, b.id), answers: bestVote(a.id, b.id).answers.slice(0, 1) }, /two or more answers/],
      [{ ...bestVote(a.id, b.id), answers: [bestVote(a.id, b.id).answers[0]!, bestVote(a.id, b.id).answers[0]!] }, /same answer twice/],
      [bestVote(a.id, other.b.id), /does not answer this prompt/],
      [bestVote(a.id, b.id, 1_000, other.a.id), /best answer must be one of the answers/],
      [{ ...bestVote(a.id, b.id), verdict: 'tie' }, /"tie" vote has no winner/],
    ];
    for (const [vote, reason] of bad) {
      const err = await setTurnVote(prompt.id, vote).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidWriteError);
      expect((err as Error).message).toMatch(reason);
    }
    await expect(setTurnVote(a.id, bestVote(a.id, b.id))).rejects.toThrow(/votes belong to prompts/);
    await expect(setTurnVote('msg_nope', bestVote(a.id, b.id))).rejects.toBeInstanceOf(NotFoundError);
    expect((await getMessage(prompt.id))!.vote).toBeUndefined();
    expect(await listVotes()).toEqual([]);
  });

  it('leaves out votes of a conversation deleted (pending undo)', async () => {
    await freshDb();
    const { conv, prompt, a, b } = await answered();
    await setTurnVote(prompt.id, bestVote(a.id, b.id));
    const handle = await deleteConversation(conv.id, { undoMs: 60_000 });
    expect(await listVotes()).toEqual([]);
    await handle.undo();
    expect(await listVotes()).toHaveLength(1);
  });
});

describe('blind rooms and fused answers in storage', () => {
  it('a prompt sent while the room is blind is marked blind; later ones follow the setting', async () => {
    await freshDb();
    const conv = await createConversation({ columns: [{ id: 'colA', model: 'a/x', settings: {} }], blind: true });
    expect(conv.blind).toBe(true);
    const p1 = await appendUserMessage(conv.id, { content: 'hidden' });
    await updateConversation(conv.id, { blind: false });
    const p2 = await appendUserMessage(conv.id, { content: 'open' });
    expect(p1.blind).toBe(true);
    expect(p2.blind).toBeUndefined();
  });

  it('a model column may not use the fused answers’ column id', async () => {
    await freshDb();
    await expect(createConversation({ columns: [{ id: FUSED_COLUMN_ID, model: 'a/x', settings: {} }] })).rejects.toThrow(/reserved for fused answers/);
  });

  it('a fused answer hangs off its prompt in its own sibling group, and the path shows it as the turn’s fused answer', async () => {
    await freshDb();
    const { conv, prompt, a, b } = await answered();
    const fused = await createFusedAnswer(conv.id, { parentId: prompt.id, model: { requested: 'openai/gpt-5' }, sources: [a.id, b.id] });
    expect(fused).toMatchObject({ role: 'assistant', parentId: prompt.id, columnId: FUSED_COLUMN_ID, status: 'streaming', fused: { sources: [a.id, b.id] } });
    const again = await createFusedAnswer(conv.id, { parentId: prompt.id, model: { requested: 'openai/gpt-5' }, sources: [a.id, b.id] });
    expect(again.groupId).toBe(fused.groupId);
    const path = await getActivePath(conv.id);
    expect(path.turns[0]!.answers.find((x) => x.columnId === FUSED_COLUMN_ID)!.siblings.ids).toEqual([fused.id, again.id]);
    await expect(createFusedAnswer(conv.id, { parentId: prompt.id, model: { requested: 'x/y' }, sources: [a.id] })).rejects.toThrow(/two or more/);
    await expect(createFusedAnswer(conv.id, { parentId: prompt.id, model: { requested: 'x/y' }, sources: [a.id, fused.id] })).rejects.toThrow(/only answers of this prompt/);
  });
});
