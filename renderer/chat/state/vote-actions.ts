import { setTurnVote } from '../../history/db/votes';
import type { TurnVote } from '../../history/db/types';
import { isComparable, isTurnHidden, shownAnswers } from '../../common/room/blind';
import { indexMessages, turnOf, type Turn } from '../../common/room/turns';
import { reloadConversation } from './actions';
import { upsertInMemory, useRoom } from '../../common/room/room-store';
import type { ColumnConfig } from '../../common/room/types';

// Voting on a turn of the open room: the best answer, a tie, or all bad. The vote records what was compared
// (answers, the model that wrote each, their letters) and whether names were hidden when it was cast.

export type VoteChoice = { verdict: 'best'; winnerId: string } | { verdict: 'tie' } | { verdict: 'all-bad' };

export function buildVote(turn: Turn, columns: readonly ColumnConfig[], hidden: boolean, choice: VoteChoice, now: number): TurnVote {
  const compared = shownAnswers(turn, columns, hidden).filter((a) => isComparable(a.siblings.active));
  if (compared.length < 2) throw new Error('A vote needs two or more finished answers');
  const answers = compared.map((a) => {
    const m = a.siblings.active;
    const model = m.model?.used ?? m.model?.requested ?? columns.find((c) => c.id === a.columnId)?.model ?? 'unknown';
    return { messageId: m.id, columnId: a.columnId, model, label: a.letter, ...(m.generationId ? { generationId: m.generationId } : {}) };
  });
  const vote: TurnVote = { verdict: choice.verdict, answers, blind: hidden, at: now };
  if (choice.verdict === 'best') {
    if (!answers.some((a) => a.messageId === choice.winnerId)) throw new Error('The answer picked is not one of this turn’s finished answers');
    vote.winnerId = choice.winnerId;
  }
  return vote;
}

/** Casts (or replaces) the vote on a turn of the open room. */
export async function voteOnTurn(promptId: string, choice: VoteChoice, now = Date.now()): Promise<void> {
  const s = useRoom.getState();
  const conv = s.conversation;
  if (!conv) throw new Error('No conversation is open');
  const turn = turnOf(indexMessages(s.messages.values(), conv.id), conv, promptId);
  if (!turn) throw new Error('That turn is not in this conversation');
  const vote = buildVote(turn, conv.columns, isTurnHidden(conv, turn, conv.columns), choice, now);
  upsertInMemory([await setTurnVote(promptId, vote, now)]);
  await reloadConversation(conv.id);
}
