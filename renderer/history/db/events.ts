import { isQuotaError } from './errors';

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

export const VOTE_ADVICE =
  'Not enough disk space: your vote was not saved. Free some disk space (or delete conversations you no longer need), then vote again.';

export const LEDGER_ADVICE =
  'Not enough disk space: Parley could not add the latest requests to the usage ledger. Free some disk space (or delete ' +
  'conversations you no longer need); Parley adds what is missing the next time it starts.';

/** What a Settings form says when its save failed: in words when the disk is full. */
export function notSavedText(err: unknown): string {
  if (isQuotaError(err)) return 'Not saved: not enough disk space. Free some disk space (or delete conversations you no longer need), then save again.';
  return `Not saved: ${err instanceof Error ? err.message : String(err)}`;
}

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

const refused = new Set<string>();

/** Runs a write. When it is refused for want of disk space, the UI is told (with `advice`) and the error goes on to
 * the caller; the next write of the same operation that succeeds clears the notice. */
export async function tellWhenDiskFull<T>(operation: string, advice: string, write: () => Promise<T>): Promise<T> {
  try {
    const result = await write();
    if (refused.delete(operation)) reportStorageProblem({ type: 'write-recovered', operation });
    return result;
  } catch (err) {
    if (isQuotaError(err)) {
      refused.add(operation);
      reportStorageProblem({ type: 'quota-exceeded', operation, unsavedChars: 0, retryInMs: 0, advice });
    }
    throw err;
  }
}
