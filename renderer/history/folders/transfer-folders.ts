import type { ParleyDb } from '../db/database';
import type { ConversationRow } from '../db/types';

// Folders and archive in export files: a conversation names its folder (folder ids mean nothing on another
// device) and says whether it is archived. On import a folder is found by name, case-insensitively, or created.

export interface ExportedPlace {
  folder?: string;
  archived?: boolean;
}

/** The conversation's export fields for its folder and archive, in place of the stored folderId and archived. */
export async function exportedPlace(db: ParleyDb, conv: ConversationRow): Promise<ExportedPlace> {
  const out: ExportedPlace = {};
  const folder = conv.folderId ? await db.folders.get(conv.folderId) : undefined;
  if (folder) out.folder = folder.name;
  if (conv.archived === 1) out.archived = true;
  return out;
}

/** Puts imported conversations in their named folders, creating the folders missing; inside the import's
 * transaction, which must include the folders table. */
export async function placeImported(db: ParleyDb, planned: readonly { conversation: ConversationRow; folder?: string }[], now = Date.now()): Promise<void> {
  if (!planned.some((p) => p.folder)) return;
  const byName = new Map((await db.folders.toArray()).map((f) => [f.name.toLocaleLowerCase(), f.id]));
  for (const p of planned) {
    const name = p.folder?.trim().replace(/\s+/g, ' ').slice(0, 60);
    if (!name) continue;
    let id = byName.get(name.toLocaleLowerCase());
    if (!id) {
      id = `fold_${crypto.randomUUID()}`;
      await db.folders.add({ id, name, createdAt: now });
      byName.set(name.toLocaleLowerCase(), id);
    }
    p.conversation.folderId = id;
  }
}
