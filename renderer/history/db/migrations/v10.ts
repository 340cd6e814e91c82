import type { Transaction } from 'dexie';
import { V9_STORES } from './v9';

// Version 10: folders for the sidebar. A conversation sits in at most one folder (`folderId`, absent = no folder)
// and may be archived (`archived: 1`, absent = not archived; IndexedDB cannot index booleans). Both indexes are
// sparse: rows without the field are not in them, so existing conversations are in no folder and not archived
// without being rewritten.

export const V10_STORES = {
  ...V9_STORES,
  conversations: 'id, updatedAt, deletedAt, folderId, archived',
  folders: 'id, name',
} as const;

/** A sidebar folder. Folders do not nest (docs/folders.md says why). */
export interface FolderRow {
  id: string;
  name: string;
  createdAt: number;
}

export async function upgradeToV10(_tx: Transaction): Promise<void> {
  // a new, empty table and two sparse indexes: nothing to rewrite
}
