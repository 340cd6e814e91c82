import Dexie, { type Transaction } from 'dexie';
import type { ConversationRow, MessageRow } from '../types';
import { FUSED_COLUMN_ID, groupIdFor } from '../group-id';
import { V2_STORES } from './v2';

// Version 3: votes on turns (a prompt's `vote`, indexed by vote.at so the leaderboard reads only voted turns),
// blind rooms and fused answers. Fused answers use the column id "fused", which model columns may no longer
// use: a column that had it (possible through a hand-edited import) is renamed, with its answers and selection.

export const V3_STORES = {
  ...V2_STORES,
  messages: 'id, [conversationId+seq], parentId, groupId, &dn, streaming, vote.at',
} as const;

export async function upgradeToV3(tx: Transaction): Promise<void> {
  const conversations = tx.table<ConversationRow, string>('conversations');
  const messages = tx.table<MessageRow, string>('messages');
  const clashing = await conversations.filter((c) => c.columns.some((col) => col.id === FUSED_COLUMN_ID)).toArray();
  for (const conv of clashing) {
    const taken = new Set(conv.columns.map((c) => c.id));
    let renamed = `${FUSED_COLUMN_ID}-column`;
    for (let n = 2; taken.has(renamed); n++) renamed = `${FUSED_COLUMN_ID}-column-${n}`;
    const rows = await messages.where('[conversationId+seq]').between([conv.id, Dexie.minKey], [conv.id, Dexie.maxKey]).toArray();
    const moved = rows.filter((m) => m.columnId === FUSED_COLUMN_ID);
    const groups = new Map<string, string>();
    for (const m of moved) {
      const next = groupIdFor(conv.id, m.parentId, renamed);
      groups.set(m.groupId, next);
      m.columnId = renamed;
      m.groupId = next;
    }
    await messages.bulkPut(moved);
    const selection: Record<string, string> = {};
    for (const [k, v] of Object.entries(conv.selection ?? {})) selection[groups.get(k) ?? k] = v;
    await conversations.put({ ...conv, selection, columns: conv.columns.map((c) => (c.id === FUSED_COLUMN_ID ? { ...c, id: renamed } : c)) });
  }
}
