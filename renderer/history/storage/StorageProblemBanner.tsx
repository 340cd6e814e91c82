import { useEffect, useState } from 'react';
import { onStorageProblem, type StorageProblem } from '../db';

type Unsaved = Exclude<StorageProblem, { type: 'write-recovered' }>;

/** Tells the user, loudly, when an answer could not be saved (full disk): it is kept in memory and retried. */
export function StorageProblemBanner() {
  const [problem, setProblem] = useState<Unsaved | null>(null);
  useEffect(() => onStorageProblem((p) => setProblem(p.type === 'write-recovered' ? null : p)), []);
  if (!problem) return null;
  const text =
    problem.type === 'quota-exceeded'
      ? problem.advice
      : `Parley could not save to disk (${problem.errorName}). The unsaved text is kept in memory and retried; keep Parley open.`;
  return (
    <div className="banner banner-danger" role="alert">
      {text} {problem.unsavedChars > 0 ? `(${problem.unsavedChars.toLocaleString()} characters waiting to be saved)` : ''}
    </div>
  );
}
