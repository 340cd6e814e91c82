// Error classification for IndexedDB writes. Dexie wraps DOMExceptions (Dexie.QuotaExceededError, or an
// AbortError whose `inner` is the QuotaExceededError when a transaction aborts), and a bulk write whose rows failed
// throws a BulkError that holds each row's error in `failures` (an array; `failuresByPos` by position).

export function isQuotaError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
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
