import { useEffect, useState } from 'react';
import { readVoteFactsShared } from '../../history/db/vote-facts/shared-read';
import { ledger } from '../../common/ledger';
import { categoryRecords, type CategoryRecords } from '../../common/suggest/suggest';

/** After a ledger write, wait this long before reading the votes again: answers streaming in a room write the ledger
 * many times, and a hint may lag a few seconds behind the latest vote. */
const REREAD_AFTER_MS = 5_000;

/** Each category's record per model, from the vote facts, read when the composer opens and again after writes. */
export function useCategoryRecords(): CategoryRecords {
  const [records, setRecords] = useState<CategoryRecords>(() => new Map());
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = () => {
      timer = null;
      readVoteFactsShared().then(
        (d) => live && setRecords(categoryRecords(d.votes)),
        () => {}, // no hint is better than a broken composer; the leaderboard shows read errors
      );
    };
    load();
    const off = ledger().onChange(() => {
      timer ??= setTimeout(load, REREAD_AFTER_MS);
    });
    return () => {
      live = false;
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return records;
}
