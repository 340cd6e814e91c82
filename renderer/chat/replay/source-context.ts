import { getConversation } from '../../history/db/conversations';
import { listMessages } from '../../history/db/messages';
import type { ReplaySource } from '../../history/db/types';
import { activeTurns, contextFor, indexMessages } from '../../common/room/turns';
import type { MessageRow } from '../../common/room/types';

/** What the original turn sent: its prompt and the history before it, as the column whose answer won the vote saw it
 * (the first column when the turn has no winner). A prompt no longer on its room's shown branch is sent alone. */
export async function sourceContext(source: ReplaySource): Promise<MessageRow[]> {
  return (await sourceTurn(source)).context;
}

/** The original turn: what it sent, and the texts its answers gave (for the estimate of a replay's length). */
export async function sourceTurn(source: ReplaySource): Promise<{ context: MessageRow[]; answers: string[] }> {
  const conv = await getConversation(source.conversationId);
  if (!conv) throw new Error('the room it was asked in was deleted');
  const rows = await listMessages(source.conversationId);
  const prompt = rows.find((m) => m.id === source.promptId);
  if (!prompt) throw new Error('the prompt was deleted');
  const answers = rows.filter((m) => m.parentId === source.promptId && m.role === 'assistant' && m.status === 'done').map((m) => m.content);
  const turns = activeTurns(indexMessages(rows, source.conversationId), conv);
  const n = turns.findIndex((t) => t.user.active.id === source.promptId);
  if (n < 0) return { context: [prompt], answers };
  const winner = prompt.vote?.winnerId ? rows.find((m) => m.id === prompt.vote!.winnerId) : undefined;
  const column = winner?.columnId ?? conv.columns[0]?.id ?? '';
  return { context: contextFor(turns, n, column), answers };
}
