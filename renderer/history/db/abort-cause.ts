import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

// When IndexedDB aborts a transaction itself (Chromium does so when the disk fills up in the middle of a large
// write, see docs/indexeddb-full-disk.md), the error the caller gets is a consequence: a BulkError whose rows
// failed with "AbortError: the transaction was aborted", or an InvalidStateError "the transaction has finished"
// from the next request. The reason is only on the IndexedDB transaction (`IDBTransaction.error`). This middleware
// hands that reason on as the error's `cause`, so one recogniser (errors.ts) can tell a full disk from a bug.

/** Sets `cause` on `err` (an object without one) to the error its IndexedDB transaction was aborted with. */
export function withAbortCause<E>(err: E, trans: DBCoreTransaction): E {
  let cause: unknown = null;
  try {
    cause = (trans as unknown as { error?: unknown }).error;
  } catch {
    // a transaction that is not finished has no error to tell
  }
  if (!cause || cause === err || !err || typeof err !== 'object' || 'cause' in err) return err;
  try {
    Object.defineProperty(err, 'cause', { value: cause, configurable: true, writable: true });
  } catch {
    // a frozen error is passed on as it is
  }
  return err;
}

export function abortCause(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'parley-abort-cause',
    // right on IndexedDB, so the errors of every middleware above (the vote facts' writes too) get their cause
    level: -2,
    create: (down) => ({
      ...down,
      table(name): DBCoreTable {
        const table = down.table(name);
        // a request on a transaction IndexedDB already aborted throws, or rejects, InvalidStateError
        const guard = <T>(trans: DBCoreTransaction, run: () => Promise<T>): Promise<T> => {
          try {
            return run().catch((err: unknown) => Promise.reject(withAbortCause(err, trans)));
          } catch (err) {
            return Promise.reject(withAbortCause(err, trans));
          }
        };
        return {
          ...table,
          mutate: (req) =>
            guard(req.trans, () =>
              table.mutate(req).then((res) => {
                // a bulk write reports each row's error here; Dexie then throws them in a BulkError
                for (const f of Object.values(res.failures ?? {})) withAbortCause(f, req.trans);
                return res;
              }),
            ),
          get: (req) => guard(req.trans, () => table.get(req)),
          getMany: (req) => guard(req.trans, () => table.getMany(req)),
          query: (req) => guard(req.trans, () => table.query(req)),
          openCursor: (req) => guard(req.trans, () => table.openCursor(req)),
          count: (req) => guard(req.trans, () => table.count(req)),
        };
      },
    }),
  };
}
