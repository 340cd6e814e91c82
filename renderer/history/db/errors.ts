// Error classification for IndexedDB writes. Dexie wraps DOMExceptions (Dexie.QuotaExceededError, or an
// AbortError whose `inner` is the error the transaction aborted with), and a bulk write whose rows failed throws a
// BulkError that holds each row's error in `failures` (an array; `failuresByPos` by position). When IndexedDB
// aborted the transaction itself, abort-cause.ts puts the transaction's error on the error thrown as `cause`.
// What a full disk looks like in each browser is written down in docs/indexeddb-full-disk.md.

/** Names a browser gives a write refused for want of room: the origin's quota, or the disk itself. */
const FULL_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);
/** Chromium reports a disk that filled up under a write as an UnknownError whose message names the file error:
 * FILE_ERROR_NO_SPACE (LevelDB backend); the others are ENOSPC's own words and SQLite's SQLITE_FULL. */
const FULL_MESSAGE = /FILE_ERROR_NO_SPACE|No space left on device|database or disk is full|SQLITE_FULL/i;

/** True when a storage write failed because there is no room left: the disk is full or the quota is used up. */
export function isQuotaError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && FULL_NAMES.has(e.name)) return true;
  if (typeof e.message === 'string' && FULL_MESSAGE.test(e.message)) return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  return failures.some((f) => isQuotaError(f, depth + 1));
}

export function errorName(err: unknown): string {
  const n = (err as { name?: unknown } | null)?.name;
  return typeof n === 'string' ? n : 'Error';
}

/** Thrown when a caller asks for something that does not exist. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** Thrown when a write would break the history's invariants (wrong parent, unknown column…). */
export class InvalidWriteError extends Error {
  override name = 'InvalidWriteError';
}
