import Dexie from 'dexie';
import { getParleyDb } from './database';
import { NotFoundError } from './errors';
import { searchTables } from './messages';
import { removeDocs, type SearchDoc } from './search-index/writer';
import { packContent } from './staging/types';
import { searchableText } from './search-index/searchable-text';

// Deleting a conversation is a soft delete first: it disappears from lists and search at once, and can be
// undone for `undoMs` (default 10 s). Then it is purged for real: messages, attachments, search index entries,
// pending import packs and the conversation row are removed, and usage-ledger rows lose their link to it
// (the ledger keeps the spend history, which holds no text; pass purgeUsage to delete those rows too).
// A marker left behind by a closed app is purged by purgeDeletedConversations() at the next start.

export const DEFAULT_UNDO_MS = 10_000;

export interface DeletionHandle {
  conversationId: string;
  expiresAt: number;
  /** restores the conversation if it has not been purged yet; true when it was restored */
  undo(): Promise<boolean>;
  /** purges now instead of waiting for the undo window */
  purgeNow(): Promise<void>;
}

export interface PurgeOptions {
  purgeUsage?: boolean;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();

export async function deleteConversation(id: string, opts: PurgeOptions & { undoMs?: number; now?: number } = {}): Promise<DeletionHandle> {
  const db = getParleyDb();
  const now = opts.now ?? Date.now();
  const undoMs = opts.undoMs ?? DEFAULT_UNDO_MS;
  await db.transaction('rw', db.conversations, async () => {
    const row = await db.conversations.get(id);
    if (!row) throw new NotFoundError(`conversation ${id} not found`);
    await db.conversations.put({ ...row, deletedAt: now });
  });
  clearTimeout(timers.get(id));
  const purge = async () => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    await purgeConversation(id, opts);
  };
  timers.set(
    id,
    setTimeout(() => {
      purge().catch((err) => console.error('purging a deleted conversation failed; it stays marked and is retried at next start', err));
    }, undoMs),
  );
  return {
    conversationId: id,
    expiresAt: now + undoMs,
    undo: () => restoreConversation(id),
    purgeNow: purge,
  };
}

export async function restoreConversation(id: string): Promise<boolean> {
  const db = getParleyDb();
  clearTimeout(timers.get(id));
  timers.delete(id);
  return db.transaction('rw', db.conversations, async () => {
    const row = await db.conversations.get(id);
    if (!row || row.deletedAt === undefined) return false;
    const next = { ...row };
    delete next.deletedAt;
    await db.conversations.put(next);
    return true;
  });
}

export interface PurgeReport {
  messages: number;
  attachments: number;
  generationsUnlinked: number;
  generationsDeleted: number;
}

/** Removes a conversation and everything that belongs to it, in one transaction. */
export async function purgeConversation(id: string, opts: PurgeOptions = {}): Promise<PurgeReport> {
  const db = getParleyDb();
  const tables = [db.conversations, db.messages, db.attachments, db.images, db.generations, db.searchPostings, db.meta, db.importPacks, db.importPackIndex];
  return db.transaction('rw', tables, async () => {
    const rows = await db.messages.where('[conversationId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
    const docs: SearchDoc[] = [];
    for (const m of rows) if (m.dn !== undefined) docs.push({ dn: m.dn, text: searchableText(m) });
    const packIds = await db.importPackIndex.where('conversationId').equals(id).primaryKeys();
    for (const pack of await db.importPacks.bulkGet(packIds)) {
      if (!pack) continue;
      for (const m of packContent(pack).messages) if (m.dn !== undefined) docs.push({ dn: m.dn, text: searchableText(m) });
    }
    await removeDocs(searchTables(db), docs);
    await db.messages.bulkDelete(rows.map((m) => m.id));
    await db.importPacks.bulkDelete(packIds);
    await db.importPackIndex.bulkDelete(packIds);
    const attachments = await db.attachments.where('conversationId').equals(id).delete();
    await db.images.where('conversationId').equals(id).delete();
    const linked = db.generations.where('conversationId').equals(id);
    let generationsUnlinked = 0;
    let generationsDeleted = 0;
    if (opts.purgeUsage) generationsDeleted = await linked.delete();
    else {
      generationsUnlinked = await linked.modify((g) => {
        delete g.conversationId;
        delete g.messageId;
      });
    }
    await db.conversations.delete(id);
    return { messages: rows.length, attachments, generationsUnlinked, generationsDeleted };
  });
}

/** Purges conversations still marked deleted (from a previous session, or older than `olderThanMs`). */
export async function purgeDeletedConversations(opts: PurgeOptions & { olderThanMs?: number; now?: number } = {}): Promise<number> {
  const db = getParleyDb();
  const cutoff = (opts.now ?? Date.now()) - (opts.olderThanMs ?? 0);
  const ids = await db.conversations.where('deletedAt').belowOrEqual(cutoff).primaryKeys();
  let purged = 0;
  for (const id of ids) {
    if (timers.has(id)) continue; // still inside this session's undo window
    await purgeConversation(id, opts);
    purged++;
  }
  return purged;
}
