// What the storage layer tells the UI when a write cannot be completed. Nothing is dropped when these fire: the
// unsaved text stays in memory (see checkpointer.ts) and is retried.

export type StorageProblem =
  | {
      type: 'quota-exceeded';
      messageId?: string;
      operation: string;
      /** chars of answer text held in memory, not yet saved */
      unsavedChars: number;
      retryInMs: number;
      advice: string;
    }
  | { type: 'write-failed'; messageId?: string; operation: string; errorName: string; retryInMs: number; unsavedChars: number }
  | { type: 'write-recovered'; messageId?: string; operation: string };

export const QUOTA_ADVICE =
  'Parley could not save to disk because storage is full. The answer is kept in memory and will be saved as soon as ' +
  'there is room: free disk space (or delete old conversations), and keep Parley open until this message clears.';

type Listener = (p: StorageProblem) => void;
const listeners = new Set<Listener>();

/** Subscribes to storage problems; returns the unsubscribe function. */
export function onStorageProblem(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportStorageProblem(p: StorageProblem): void {
  for (const l of listeners) {
    try {
      l(p);
    } catch (err) {
      console.error('storage problem listener failed', err);
    }
  }
}
