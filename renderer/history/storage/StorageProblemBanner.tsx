import { useEffect, useState } from 'react';
import { onStorageProblem, type StorageProblem } from '../db';
import { retryHeldCheckpointers } from '../db/checkpointer';

type Unsaved = Exclude<StorageProblem, { type: 'write-recovered' }>;

const keyOf = (p: StorageProblem) => p.messageId ?? p.operation;

/** Tells the user, loudly, when an answer could not be saved (full disk): it is kept in memory and retried. The
 * banner stays until every answer it is about is saved. */
export function StorageProblemBanner() {
  const [problems, setProblems] = useState<ReadonlyMap<string, Unsaved>>(new Map());
  useEffect(
    () =>
      onStorageProblem((p) =>
        setProblems((prev) => {
          const next = new Map(prev);
          next.delete(keyOf(p));
          if (p.type !== 'write-recovered') next.set(keyOf(p), p);
          return next;
        }),
      ),
    [],
  );
  const all = [...problems.values()];
  const problem = all[all.length - 1];
  if (!problem) return null;
  const unsavedChars = all.reduce((n, p) => n + p.unsavedChars, 0);
  const text =
    problem.type === 'quota-exceeded'
      ? problem.advice
      : `Parley could not save to disk (${problem.errorName}). The unsaved text is kept in memory and retried; keep Parley open.`;
  return (
    <div className="banner banner-danger" role="alert">
      {text} {unsavedChars > 0 ? `(${unsavedChars.toLocaleString()} characters waiting to be saved)` : ''}{' '}
      <button type="button" className="small" onClick={retryHeldCheckpointers}>
        Try saving now
      </button>
    </div>
  );
}
