import { getParleyDb } from '../history/db/database';
import type { Assistant } from './types';

// The user's assistants, in the history database's `assistants` table (IndexedDB, schema version 9). Every change
// is announced to the listeners (the lists on the new-chat page and in the command palette).

const listeners = new Set<() => void>();
const changed = () => {
  for (const l of listeners) l();
};

export function onAssistantsChanged(l: () => void): () => void {
  listeners.add(l);
  return () => void listeners.delete(l);
}

export const newAssistantId = () => `asst_${crypto.randomUUID()}`;

/** Every assistant, by name. */
export async function listAssistants(): Promise<Assistant[]> {
  const rows = await getParleyDb().assistants.toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.createdAt - b.createdAt);
}

export function getAssistant(id: string): Promise<Assistant | undefined> {
  return getParleyDb().assistants.get(id);
}

/** Stores a new or edited assistant; a blank name is refused (nothing is written). */
export async function saveAssistant(a: Assistant): Promise<Assistant> {
  const name = a.name.trim();
  if (!name) throw new Error('An assistant needs a name.');
  const row: Assistant = { ...a, name, updatedAt: Date.now() };
  await getParleyDb().assistants.put(row);
  changed();
  return row;
}

/** A copy (named "<name> (copy)" unless told), stored at once. */
export async function duplicateAssistant(a: Assistant, name = `${a.name} (copy)`): Promise<Assistant> {
  const now = Date.now();
  return saveAssistant({ ...structuredClone(a), id: newAssistantId(), name, createdAt: now, updatedAt: now });
}

export interface AssistantDeletion {
  assistant: Assistant;
  /** puts it back as it was; false when the undo came too late or it was already restored */
  undo(): Promise<boolean>;
}

export const ASSISTANT_UNDO_MS = 10_000;

/** Deletes an assistant; like a conversation, it can be put back for a few seconds. */
export async function deleteAssistant(id: string, undoMs = ASSISTANT_UNDO_MS): Promise<AssistantDeletion | null> {
  const db = getParleyDb();
  const row = await db.assistants.get(id);
  if (!row) return null;
  await db.assistants.delete(id);
  changed();
  const until = Date.now() + undoMs;
  let used = false;
  return {
    assistant: row,
    undo: async () => {
      if (used || Date.now() > until) return false;
      used = true;
      await db.assistants.put(row);
      changed();
      return true;
    },
  };
}
