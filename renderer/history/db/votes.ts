import { getParleyDb, type ParleyDb } from './database';
import { InvalidWriteError, NotFoundError } from './errors';
import { tellWhenDiskFull, VOTE_ADVICE } from './events';
import { FUSED_COLUMN_ID } from './group-id';
import { ensureAllMaterialized, ensureConversationMaterialized } from './staging/materialize';
import type { MessageRow, TurnVote } from './types';
import { promptExcerpt } from './prompt-excerpt';
import { classifyPrompt, type PromptCategory } from '../../../shared/prompts/classify';

// Votes live with their turn: on the prompt's row (`vote`), so deleting, exporting or importing a turn carries
// its vote along. The sparse index vote.at lets the leaderboard read the voted prompts without the others.


/** Throws InvalidWriteError unless `vote` compares two or more distinct answers of `prompt` in a consistent way. */
export function checkVote(prompt: MessageRow, vote: TurnVote, answers: (MessageRow | undefined)[]): void {
  if (vote.answers.length < 2) throw new InvalidWriteError('a vote compares two or more answers');
  const ids = new Set(vote.answers.map((a) => a.messageId));
  if (ids.size !== vote.answers.length) throw new InvalidWriteError('a vote names the same answer twice');
  answers.forEach((row, i) => {
    const id = vote.answers[i]!.messageId;
    if (!row || row.role !== 'assistant' || row.parentId !== prompt.id) throw new InvalidWriteError(`answer ${id} does not answer this prompt`);
    if (row.columnId === FUSED_COLUMN_ID) throw new InvalidWriteError('fused answers are not voted on');
  });
  if (vote.verdict === 'best' && (!vote.winnerId || !ids.has(vote.winnerId))) throw new InvalidWriteError('the best answer must be one of the answers compared');
  if (vote.verdict !== 'best' && vote.winnerId !== undefined) throw new InvalidWriteError(`a "${vote.verdict}" vote has no winner`);
  if (!Number.isFinite(vote.at)) throw new InvalidWriteError('a vote needs its time');
}

/** Records (or, with null, withdraws) the vote on a turn; the conversation counts as changed (backups). */
export async function setTurnVote(promptId: string, vote: TurnVote | null, now = Date.now()): Promise<MessageRow> {
  const db = getParleyDb();
  const probe = await db.messages.get(promptId);
  if (!probe) throw new NotFoundError(`message ${promptId} not found`);
  await ensureConversationMaterialized(db, probe.conversationId);
  return tellWhenDiskFull('vote', VOTE_ADVICE, () => writeVote(db, promptId, vote, now));
}

function writeVote(db: ParleyDb, promptId: string, vote: TurnVote | null, now: number): Promise<MessageRow> {
  return db.transaction('rw', [db.conversations, db.messages], async () => {
    const prompt = await db.messages.get(promptId);
    if (!prompt) throw new NotFoundError(`message ${promptId} not found`);
    if (prompt.role !== 'user') throw new InvalidWriteError('votes belong to prompts (turns), not answers');
    const conv = await db.conversations.get(prompt.conversationId);
    if (!conv || conv.deletedAt !== undefined) throw new NotFoundError(`conversation ${prompt.conversationId} not found`);
    const next: MessageRow = { ...prompt, updatedAt: now };
    if (vote) {
      checkVote(prompt, vote, await db.messages.bulkGet(vote.answers.map((a) => a.messageId)));
      next.vote = structuredClone(vote);
    } else delete next.vote;
    await db.messages.put(next);
    await db.conversations.put({ ...conv, updatedAt: now });
    return next;
  });
}

export interface StoredVote {
  promptId: string;
  conversationId: string;
  conversationTitle: string;
  /** the start of the prompt, to recognise the turn in a list */
  promptExcerpt: string;
  /** what kind of prompt it was (shared/prompts/classify), from its whole text */
  category?: PromptCategory;
  vote: TurnVote;
}

/** Votes cast in [from, to), oldest first, leaving out conversations deleted (pending undo). */
export async function listVotes(q: { from?: number; to?: number } = {}): Promise<StoredVote[]> {
  const db = getParleyDb();
  await ensureAllMaterialized(db);
  return db.transaction('r', [db.conversations, db.messages], async () => {
    const rows = await db.messages.where('vote.at').between(q.from ?? -Infinity, q.to ?? Infinity, true, false).toArray();
    const convs = new Map((await db.conversations.toArray()).map((c) => [c.id, c]));
    const out: StoredVote[] = [];
    for (const m of rows) {
      const conv = convs.get(m.conversationId);
      if (!m.vote || !conv || conv.deletedAt !== undefined) continue;
      out.push({
        promptId: m.id,
        conversationId: m.conversationId,
        conversationTitle: conv.title,
        promptExcerpt: promptExcerpt(m.content),
        category: classifyPrompt(m.content),
        vote: m.vote,
      });
    }
    return out;
  });
}
