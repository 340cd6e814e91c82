import { getParleyDb } from '../../history/db/database';
import type { HistoryChange } from '../../history/db/change-feed';
import { openConversation, refreshConversations, removeConversationInMemory, removeInMemory, setConversationInMemory, upsertInMemory, useRoom } from '../../common/room/room-store';

// Keeps this window in step with writes made in another window or tab of the same profile: a conversation
// renamed, answered, branched or deleted there shows here at once (change-feed.ts announces them).

export async function applyRemoteChange(change: HistoryChange): Promise<void> {
  const db = getParleyDb();
  const { openId } = useRoom.getState();
  if (change.everything) {
    await refreshConversations();
    if (openId) await openConversation(openId);
    return;
  }
  const convIds = [...new Set(change.conversations)];
  if (convIds.length) {
    const rows = await db.conversations.bulkGet(convIds);
    convIds.forEach((id, i) => {
      const c = rows[i];
      if (c && c.deletedAt === undefined) setConversationInMemory(c);
      else removeConversationInMemory(id);
    });
  }
  const mine = [...new Set(change.messages.filter((m) => m.conversationId === useRoom.getState().openId).map((m) => m.id))];
  if (mine.length) {
    const rows = await db.messages.bulkGet(mine);
    upsertInMemory(rows.filter((r): r is NonNullable<typeof r> => !!r));
  }
  if (change.deletedMessages.length) removeInMemory(change.deletedMessages);
}

/** Starts following other windows' writes; returns the stop function. */
export function startHistorySync(): () => void {
  let queue = Promise.resolve();
  return getParleyDb().changes.onRemoteChange((change) => {
    // one at a time, in the order they were announced
    queue = queue.then(() => applyRemoteChange(change)).catch((err: unknown) => console.error('could not apply a change from another window:', (err as Error).message));
  });
}
