// When to try again, where, and how long to wait (../shared/docs/provider-wire-formats.md, "Design rules").
// Every failure before the first byte moves on to the next endpoint; only transient ones (408/409/429/5xx/529,
// network errors, time-to-first-token timeouts) are retried on the last endpoint, with backoff.

export type FailureKind = 'http' | 'network' | 'timeout' | 'stream';

export interface AttemptFailure {
  kind: FailureKind;
  status: number | null; // upstream HTTP status (or the code of a stream error event); null for network / timeout
  message: string; // already redacted
  retryAfterMs?: number;
  errorType?: string;
}

export const MAX_RETRY_AFTER_MS = 60_000;

export function isTransient(f: AttemptFailure): boolean {
  if (f.kind === 'network' || f.kind === 'timeout') return true;
  const s = f.status;
  if (s === null) return true;
  return s === 408 || s === 409 || s === 429 || s >= 500;
}

/** `Retry-After` (seconds or HTTP date) or `retry-after-ms`, in ms; undefined when absent or unparseable. */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface BackoffOptions {
  baseMs?: number; // default 500
  capMs?: number; // default 8000
}

/** Exponential backoff with ±25 % jitter: ~0.5 s, ~1 s, ~2 s … capped at 8 s. */
export function backoffDelay(retry: number, random: () => number, o: BackoffOptions = {}): number {
  const base = Math.min(o.capMs ?? 8000, (o.baseMs ?? 500) * 2 ** retry);
  return Math.round(base * (0.75 + 0.5 * random()));
}
