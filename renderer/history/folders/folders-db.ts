import { getParleyDb } from '../db/database';
import { InvalidWriteError, NotFoundError } from '../db/errors';
import type { FolderRow } from '../db/migrations/v10';
import type { ConversationRow } from '../db/types';

// Folders and archive in IndexedDB. Organising a conversation does not count as activity: these writes leave
// updatedAt alone, so the list keeps its order.

export type { FolderRow };

export const MAX_FOLDER_NAME = 60;

/** What deleting a folder took away, to put it back (undo). */
export interface DeletedFolder {
  folder: FolderRow;
  conversationIds: string[];
}

function cleanName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new InvalidWriteError('A folder needs a name.');
  if (clean.length > MAX_FOLDER_NAME) throw new InvalidWriteError(`A folder name is at most ${MAX_FOLDER_NAME} characters.`);
  return clean;
}

async function checkUnique(name: string, except?: string) {
  const all = await getParleyDb().folders.toArray();
  if (all.some((f) => f.id !== except && f.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
    throw new InvalidWriteError(`A folder named “${name}” already exists.`);
  }
}

/** Every folder, by name. */
export async function listFolders(): Promise<FolderRow[]> {
  const all = await getParleyDb().folders.toArray();
  return all.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

export async function createFolder(name: string, now = Date.now()): Promise<FolderRow> {
  const db = getParleyDb();
  const clean = cleanName(name);
  return db.transaction('rw', db.folders, async () => {
    await checkUnique(clean);
    const row: FolderRow = { id: `fold_${crypto.randomUUID()}`, name: clean, createdAt: now };
    await db.folders.add(row);
    return row;
  });
}

export async function renameFolder(id: string, name: string): Promise<FolderRow> {
  const db = getParleyDb();
  const clean = cleanName(name);
  return db.transaction('rw', db.folders, async () => {
    const row = await db.folders.get(id);
    if (!row) throw new NotFoundError('That folder no longer exists.');
    await checkUnique(clean, id);
    const next = { ...row, name: clean };
    await db.folders.put(next);
    return next;
  });
}

/** Deletes a folder; its conversations go back to no folder. Returns what restoreFolder needs to undo it. */
export async function deleteFolder(id: string): Promise<DeletedFolder> {
  const db = getParleyDb();
  return db.transaction('rw', db.folders, db.conversations, async () => {
    const folder = await db.folders.get(id);
    if (!folder) throw new NotFoundError('That folder no longer exists.');
    const rows = await db.conversations.where('folderId').equals(id).toArray();
    await db.conversations.bulkPut(rows.map(withoutFolder));
    await db.folders.delete(id);
    return { folder, conversationIds: rows.map((r) => r.id) };
  });
}

/** Undoes deleteFolder: the folder comes back with the conversations that are still in no folder. */
export async function restoreFolder(deleted: DeletedFolder): Promise<void> {
  const db = getParleyDb();
  await db.transaction('rw', db.folders, db.conversations, async () => {
    await db.folders.put(deleted.folder);
    const rows = await db.conversations.bulkGet(deleted.conversationIds);
    const back = rows.filter((r): r is ConversationRow => !!r && r.folderId === undefined).map((r) => ({ ...r, folderId: deleted.folder.id }));
    await db.conversations.bulkPut(back);
  });
}

/** Puts conversations in a folder, or in no folder (null). */
export async function moveToFolder(conversationIds: readonly string[], folderId: string | null): Promise<void> {
  const db = getParleyDb();
  await db.transaction('rw', db.folders, db.conversations, async () => {
    if (folderId !== null && !(await db.folders.get(folderId))) throw new NotFoundError('That folder no longer exists.');
    const rows = (await db.conversations.bulkGet([...conversationIds])).filter((r): r is ConversationRow => !!r);
    await db.conversations.bulkPut(rows.map((r) => (folderId === null ? withoutFolder(r) : { ...r, folderId })));
  });
}

/** Archives conversations (hidden from the main list) or brings them back. */
export async function setArchived(conversationIds: readonly string[], archived: boolean): Promise<void> {
  const db = getParleyDb();
  await db.transaction('rw', db.conversations, async () => {
    const rows = (await db.conversations.bulkGet([...conversationIds])).filter((r): r is ConversationRow => !!r);
    await db.conversations.bulkPut(
      rows.map((r) => {
        const next = { ...r };
        if (archived) next.archived = 1;
        else delete next.archived;
        return next;
      }),
    );
  });
}

function withoutFolder(r: ConversationRow): ConversationRow {
  const next = { ...r };
  delete next.folderId;
  return next;
}
