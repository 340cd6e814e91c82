import Dexie, { type Table } from 'dexie';
import type { ColumnSettings } from '../chat-state/types';

// Saved model sets ("my compare set"): kept in IndexedDB, never localStorage.

export interface ModelSet {
  id: string;
  name: string;
  columns: { model: string; settings: ColumnSettings }[];
  createdAt: number;
}

class SetsDb extends Dexie {
  sets!: Table<ModelSet, string>;
  constructor() {
    super('parley-model-sets');
    this.version(1).stores({ sets: 'id, createdAt' });
  }
}

let db: SetsDb | null = null;
const open = () => (db ??= new SetsDb());
const listeners = new Set<() => void>();

export async function listModelSets(): Promise<ModelSet[]> {
  return open().sets.orderBy('createdAt').toArray();
}
export async function saveModelSet(set: ModelSet) {
  await open().sets.put(set);
  for (const l of listeners) l();
}
export async function deleteModelSet(id: string) {
  await open().sets.delete(id);
  for (const l of listeners) l();
}
export function onModelSetsChanged(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}
