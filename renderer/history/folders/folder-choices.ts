import type { FolderRow } from '../db/migrations/v10';
import type { MenuItem } from './PopupMenu';

/** The items of a "Move to folder" menu: no folder, then each folder; the current one is marked. */
export function folderChoices(folders: readonly FolderRow[], current: string | null | undefined, pick: (folderId: string | null) => void): MenuItem[] {
  const items: MenuItem[] = [{ text: 'No folder', current: current === null, onSelect: () => pick(null) }];
  for (const f of folders) items.push({ text: f.name, current: current === f.id, onSelect: () => pick(f.id) });
  return items;
}
