// Error classification for IndexedDB writes. Dexie wraps DOMExceptions (Dexie.QuotaExceededError, or an
// AbortError whose `inner` is the QuotaExceededError when a transaction aborts).

export function isQuotaError(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    const o = e as { inner?: unknown; cause?: unknown };
    e = o.inner ?? o.cause;
  }
  return false;
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
