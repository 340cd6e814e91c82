import { getParleyDb } from '../../history/db/database';
import { searchTables } from '../../history/db/messages';
import { removeDocs } from '../../history/db/search-index/writer';
import type { MessageRow } from '../../common/room/types';

// Deleting a message and everything under it (a prompt's answers and later turns), with its attachments and
// search entries, in one transaction. The history store has no message deletion yet; this stays here until it does.

export async function deleteMessageTree(conversationId: string, rootId: string): Promise<string[]> {
  const db = getParleyDb();
  return db.transaction('rw', [db.conversations, db.messages, db.attachments, db.images, db.searchPostings, db.meta], async () => {
    const root = await db.messages.get(rootId);
    if (!root || root.conversationId !== conversationId) return [];
    const doomed: MessageRow[] = [];
    const queue = [root];
    while (queue.length) {
      const m = queue.pop()!;
      doomed.push(m);
      queue.push(...(await db.messages.where('parentId').equals(m.id).toArray()));
    }
    const ids = doomed.map((m) => m.id);
    const gone = new Set(ids);
    await removeDocs(searchTables(db), doomed.filter((m) => m.dn !== undefined).map((m) => ({ dn: m.dn!, text: m.content })));
    await db.messages.bulkDelete(ids);
    await db.attachments.where('messageId').anyOf(ids).delete();
    await db.images.where('messageId').anyOf(ids).delete();
    const conv = await db.conversations.get(conversationId);
    if (conv) {
      const selection = { ...conv.selection };
      for (const [k, v] of Object.entries(selection)) if (gone.has(v)) delete selection[k];
      const next = { ...conv, selection, updatedAt: Date.now() };
      if (conv.headId && gone.has(conv.headId)) next.headId = root.role === 'user' ? root.parentId : conv.headId;
      if (conv.pendingContinueFromId && gone.has(conv.pendingContinueFromId)) next.pendingContinueFromId = null;
      await db.conversations.put(next);
    }
    return ids;
  });
}
