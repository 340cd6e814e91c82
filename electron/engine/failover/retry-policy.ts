// When to try again, where, and how long to wait (docs/provider-wire-formats.md §7).
// Every failure before the first byte moves on to the next endpoint; only transient ones (408/409/429/5xx/529,
// network errors, time-to-first-token timeouts) are retried on the last endpoint, with backoff.

export type FailureKind = 'http' | 'network' | 'timeout' | 'stream';

export interface AttemptFailure {
  kind: FailureKind;
  status: number | null; // what the upstream sent (HTTP status, or a stream error's code); null for network / timeout
  code: number; // the status Parley reports for it (OpenRouter semantics)
  message: string; // names the upstream, already scrubbed of keys
  errorType: string; // OpenRouter error_type
  retryAfterMs?: number;
  notSent?: boolean; // the request never reached the provider (connection refused, unknown host, not built)
}

export const MAX_RETRY_AFTER_MS = 60_000;

const TRANSIENT_STATUS = (s: number) => s === 408 || s === 409 || s === 429 || s >= 500;
// A provider code can turn a transient-looking status into a permanent one (OpenAI's 429 insufficient_quota → 402).
const PERMANENT_CODES = new Set([401, 402, 403, 404, 413, 422]);

export function isTransient(f: AttemptFailure): boolean {
  if (f.kind === 'network' || f.kind === 'timeout') return true;
  if (PERMANENT_CODES.has(f.code)) return false;
  return f.status === null ? f.code >= 500 : TRANSIENT_STATUS(f.status) || TRANSIENT_STATUS(f.code);
}

/** A request the upstream judged invalid says nothing about the endpoint's health. */
export function blamesRequest(f: AttemptFailure): boolean {
  return f.kind === 'http' && (f.code === 400 || f.code === 413 || f.code === 422) && f.status !== 409;
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
