import { prepareAttachments } from './attachments';
import { createConversation, type NewConversation } from './conversations';
import { getParleyDb } from './database';
import { addPendingAnswer, addPrompt, requireConversation, writeTables, type NewAssistantMessage, type NewUserMessage } from './messages';
import { ensureConversationMaterialized } from './staging/materialize';
import type { ConversationRow, MessageRow } from './types';

// A send is one turn: the prompt, one pending answer per column and the conversation's new head, title and
// updatedAt (the conversation itself too, when sent from a draft). They are written in one transaction, so a
// failed write (full disk, a column that is gone) stores none of them and leaves nothing half-sent.

export interface WrittenTurn {
  conversation: ConversationRow;
  prompt: MessageRow;
  /** the pending ('streaming') answers, in the order of `answers` */
  answers: MessageRow[];
}

/**
 * Adds a prompt and its pending answers to a conversation (its id), or to a new one created in the same
 * transaction (a NewConversation). Every row shares one timestamp.
 */
export async function appendTurn(
  target: string | NewConversation,
  prompt: Omit<NewUserMessage, 'now'>,
  answers: Omit<NewAssistantMessage, 'parentId' | 'now'>[],
  now = Date.now(),
): Promise<WrittenTurn> {
  const db = getParleyDb();
  if (typeof target === 'string') await ensureConversationMaterialized(db, target);
  const files = await prepareAttachments(prompt.attachments);
  return db.transaction('rw', writeTables(db), async () => {
    const conv = typeof target === 'string' ? await requireConversation(db, target) : await createConversation({ ...target, now });
    const user = await addPrompt(db, conv, { ...prompt, now }, files);
    const pending: MessageRow[] = [];
    for (const a of answers) pending.push(await addPendingAnswer(db, conv, { ...a, parentId: user.id, now }));
    await db.conversations.put(conv);
    return { conversation: conv, prompt: user, answers: pending };
  });
}
