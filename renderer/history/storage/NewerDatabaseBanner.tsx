import { useEffect, useState } from 'react';
import { getParleyDb } from '../db/database';
import { newerDatabaseProblem } from '../db/newer-version';

/** Says so when the stored history comes from a newer Parley: this version cannot open it and leaves it as it is. */
export function NewerDatabaseBanner() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    newerDatabaseProblem(getParleyDb().name).then(
      (problem) => live && problem && setMessage(problem.message),
      () => undefined, // a store that cannot even be probed is reported by the views that use it
    );
    return () => {
      live = false;
    };
  }, []);
  if (!message) return null;
  return (
    <div className="banner banner-danger" role="alert">
      {message}
    </div>
  );
}
