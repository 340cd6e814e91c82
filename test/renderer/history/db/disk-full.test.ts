import { describe, it, expect } from 'vitest';
import Dexie, { type DBCoreTransaction } from 'dexie';
import { isQuotaError } from '../../../../renderer/history/db/errors';
import { withAbortCause } from '../../../../renderer/history/db/abort-cause';
import recorded from '../../../fixtures/indexeddb-disk-full/chromium-156.json';

// The recogniser against what Chromium really reports when its disk is full (recorded in the fixture), as the
// errors reach Parley's code: the error thrown, with the IndexedDB transaction's own error as its `cause`.

interface Shape {
  ctor: string;
  name: string;
  message: string;
  inner?: Shape;
  failures?: Shape[];
}

/** The error object a shape was recorded from: a DOMException, or Dexie's error wrapping one. */
function rebuild(s: Shape): Error {
  if (s.ctor !== 'DexieError') return new DOMException(s.message, s.name);
  const Ctor = (Dexie as unknown as Record<string, new (msg: string, inner?: Error) => Error>)[s.name];
  if (!Ctor) throw new Error(`Dexie has no ${s.name}`);
  return new Ctor(s.message, s.inner ? rebuild(s.inner) : undefined);
}

const transactionAbortedWith = (error: Error | null) => ({ error }) as unknown as DBCoreTransaction;
const caseOf = (name: string) => recorded.cases.find((c) => c.case === name) as { thrown: Shape; transactionError: Shape };

describe('a full disk as Chromium reports it', () => {
  it('an import that filled the disk: InvalidStateError, with the transaction’s FILE_ERROR_NO_SPACE as its cause', () => {
    const c = caseOf('import-fills-the-disk');
    const thrown = rebuild(c.thrown);
    expect(isQuotaError(thrown)).toBe(false); // the consequence alone says nothing of the disk
    const txError = rebuild(c.transactionError);
    expect(isQuotaError(txError)).toBe(true);
    expect(isQuotaError(withAbortCause(thrown, transactionAbortedWith(txError)))).toBe(true);
  });

  it('a bulk write that filled the disk: a BulkError of AbortErrors, each with the transaction’s error as its cause', () => {
    const c = caseOf('bulk-write-fills-the-disk');
    const trans = transactionAbortedWith(rebuild(c.transactionError));
    const failures = c.thrown.failures!.map(rebuild);
    const thrown = new Dexie.BulkError(c.thrown.message, { ...failures });
    expect(isQuotaError(thrown)).toBe(false);
    // the middleware gives each row's error its cause before Dexie gathers them into the BulkError
    for (const f of failures) withAbortCause(f, trans);
    expect(isQuotaError(new Dexie.BulkError(c.thrown.message, { ...failures }))).toBe(true);
  });

  it('a write refused on a nearly full disk: AbortError whose inner error is a QuotaExceededError', () => {
    const c = caseOf('write-on-a-nearly-full-disk');
    expect(isQuotaError(rebuild(c.thrown))).toBe(true);
    expect(isQuotaError(rebuild(c.transactionError))).toBe(true);
  });

  it('the words other IndexedDB backends use for the same thing', () => {
    expect(isQuotaError(new DOMException('IO error: /x/000003.log: No space left on device', 'UnknownError'))).toBe(true);
    expect(isQuotaError(new DOMException('database or disk is full', 'UnknownError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_FILE_NO_DEVICE_SPACE', message: '' })).toBe(true);
  });

  it('is not fooled by other failures', () => {
    expect(isQuotaError(new DOMException('IO error: /x/000003.log: FILE_ERROR_ACCESS_DENIED', 'UnknownError'))).toBe(false);
    expect(isQuotaError(new Dexie.ConstraintError('Key already exists in the object store.'))).toBe(false);
    // a transaction the app aborted itself has no error: nothing is added
    const own = new Dexie.InvalidStateError('The transaction has finished.');
    expect(withAbortCause(own, transactionAbortedWith(null))).not.toHaveProperty('cause');
    expect(isQuotaError(own)).toBe(false);
  });

  it('keeps a cause an error already has', () => {
    const first = new Error('first');
    const err = new Error('outer', { cause: first });
    withAbortCause(err, transactionAbortedWith(new DOMException('', 'QuotaExceededError')));
    expect(err.cause).toBe(first);
  });
});
