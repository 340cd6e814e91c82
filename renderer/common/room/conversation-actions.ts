import { bridge } from '../../bridge';
import { getConversation, renameConversation as renameStored } from '../../history/db/conversations';
import { deleteConversation as softDeleteConversation, type DeletionHandle } from '../../history/db/deletion';
import { liveAnswers } from './live-answers';
import { removeConversationInMemory, setConversationInMemory } from './room-store';

// What both the room and the sidebar do to a conversation as a whole: stop an answer, reload, rename, delete and undo.

export async function renameConversation(id: string, title: string) {
  setConversationInMemory(await renameStored(id, title));
}

export async function reloadConversation(id: string) {
  const c = await getConversation(id);
  if (c) setConversationInMemory(c);
}

export async function stopAnswer(messageId: string) {
  const live = liveAnswers.get(messageId);
  if (live) await bridge().invoke('chat.stop', { streamId: live.streamId });
}

let lastDeletion: DeletionHandle | null = null;
/** Deletes a conversation (undoable for a few seconds, see undoDeleteConversation). */
export async function deleteConversation(id: string) {
  for (const e of liveAnswers.all()) if (e.conversationId === id) await stopAnswer(e.messageId);
  lastDeletion = await softDeleteConversation(id);
  removeConversationInMemory(id);
}

export async function undoDeleteConversation(): Promise<string | null> {
  const h = lastDeletion;
  lastDeletion = null;
  if (!h || !(await h.undo())) return null;
  await reloadConversation(h.conversationId);
  return h.conversationId;
}
