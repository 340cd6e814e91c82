import { getSetting, setSetting } from '../../history/db/settings';
import type { ColumnSettings } from '../../common/room/types';

// Saved model sets ("my compare set"), kept in the history store's settings table (IndexedDB, never localStorage).

export interface ModelSet {
  id: string;
  name: string;
  columns: { model: string; settings: ColumnSettings }[];
  createdAt: number;
}

const KEY = 'room.modelSets';
const listeners = new Set<() => void>();

export async function listModelSets(): Promise<ModelSet[]> {
  return (await getSetting<ModelSet[]>(KEY)) ?? [];
}
export async function saveModelSet(set: ModelSet) {
  await setSetting(KEY, [...(await listModelSets()).filter((s) => s.id !== set.id), set]);
  for (const l of listeners) l();
}
export async function deleteModelSet(id: string) {
  await setSetting(KEY, (await listModelSets()).filter((s) => s.id !== id));
  for (const l of listeners) l();
}
export function onModelSetsChanged(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}
