import type { Transaction } from 'dexie';
import type { ConversationRow, MessageRow } from '../types';
import { groupIdFor } from '../group-id';
import { bulkIndexDocs, type SearchTables } from '../search-index/writer';
import type { V1Conversation, V1Message } from './v1';

// Version 2: per-conversation seq (windowed reads by [conversationId+seq]), sibling groupId, a sparse
// `streaming` index for crash recovery, the active-branch head and sibling selection on conversations, the
// full-text search index (searchPostings + meta), and the import staging tables.

export const V2_STORES = {
  conversations: 'id, updatedAt, deletedAt',
  messages: 'id, [conversationId+seq], parentId, groupId, &dn, streaming',
  attachments: 'id, messageId, conversationId',
  generations: 'id, createdAt, model, provider, conversationId, messageId',
  settings: 'key',
  meta: 'key',
  searchPostings: '[b+n]',
  importPacks: 'id',
  importPackIndex: 'id, conversationId, dnMin',
} as const;

/** Backfills seq, groupId, head and selection, and indexes every message for search. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const conversations = tx.table<V1Conversation & Partial<ConversationRow>, string>('conversations');
  const messages = tx.table<V1Message & Partial<MessageRow>, string>('messages');
  const tables: SearchTables = { searchPostings: tx.table('searchPostings'), meta: tx.table('meta') };
  const docs: { dn: number; text: string }[] = [];
  let dn = 1;
  const convs = await conversations.toArray();
  const byConversation = new Map<string, (V1Message & Partial<MessageRow>)[]>();
  for (const m of await messages.toArray()) {
    const list = byConversation.get(m.conversationId);
    if (list) list.push(m);
    else byConversation.set(m.conversationId, [m]);
  }
  const known = new Map(convs.map((c) => [c.id, c]));
  for (const [conversationId, rows] of byConversation) {
    rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let seq = 0;
    for (const m of rows) {
      seq += 1;
      m.seq = seq;
      m.groupId = groupIdFor(conversationId, m.parentId, m.columnId);
      if (m.status === 'streaming') m.streaming = 1;
      else delete m.streaming;
      if (m.status !== 'streaming') {
        m.dn = dn++;
        docs.push({ dn: m.dn, text: m.content });
      }
    }
    await messages.bulkPut(rows);
    // Messages whose conversation row is missing get one, so they stay reachable instead of silently orphaned.
    const conv = known.get(conversationId) ?? orphanConversation(conversationId, rows);
    known.delete(conversationId);
    await conversations.put({ ...conv, lastSeq: seq, headId: newestLeafUser(rows as MessageRow[]), selection: {}, pendingContinueFromId: null });
  }
  for (const conv of known.values()) {
    await conversations.put({ ...conv, lastSeq: 0, headId: null, selection: {}, pendingContinueFromId: null });
  }
  await bulkIndexDocs(tables, docs);
}

function orphanConversation(id: string, rows: V1Message[]): V1Conversation {
  const first = rows[0]?.createdAt ?? 0;
  const last = rows[rows.length - 1]?.updatedAt ?? first;
  const columnIds = [...new Set(rows.map((m) => m.columnId).filter((c): c is string => !!c))];
  const columns = columnIds.map((cid) => ({ id: cid, model: rows.find((m) => m.columnId === cid)?.model?.requested ?? 'unknown', settings: {} }));
  return { id, title: 'Recovered conversation', createdAt: first, updatedAt: last, columns };
}

/** The shown branch's tip with no explicit selection: follow the newest user sibling down from the root. */
function newestLeafUser(rows: MessageRow[]): string | null {
  const usersByParent = new Map<string | null, MessageRow>();
  for (const m of rows) if (m.role === 'user') usersByParent.set(m.parentId, m); // rows are seq-ordered: last wins
  let cur = usersByParent.get(null) ?? null;
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    const next = usersByParent.get(cur.id);
    if (!next) break;
    cur = next;
  }
  return cur?.id ?? null;
}
