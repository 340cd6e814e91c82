import type { ErrorBody, ErrorEnvelope } from '../../shared/openrouter/chat-response';

// OpenRouter's error envelope (../shared/docs/openrouter-api.md §5) and the mapping from what an upstream did to
// the status Parley reports. Messages never carry keys: everything that came from an upstream goes through
// `redactSecrets` first.

export type EngineErrorStatus = 400 | 401 | 402 | 403 | 404 | 408 | 413 | 422 | 429 | 499 | 500 | 502 | 503;

export interface EngineError extends ErrorEnvelope {
  status: number;
}

export function engineError(status: number, message: string, metadata?: Record<string, unknown>): EngineError {
  const error: ErrorBody = { code: status, message };
  if (metadata && Object.keys(metadata).length > 0) error.metadata = metadata;
  return { status, error };
}

/** OpenRouter's `error_type` vocabulary (§5.3) for the statuses Parley produces. */
export function errorTypeFor(status: number): string {
  switch (status) {
    case 400: return 'invalid_request';
    case 401: return 'authentication';
    case 402: return 'payment_required';
    case 403: return 'permission_denied';
    case 404: return 'not_found';
    case 408: return 'timeout';
    case 413: return 'payload_too_large';
    case 422: return 'unprocessable';
    case 429: return 'rate_limit_exceeded';
    case 499: return 'cancelled';
    case 503: return 'provider_overloaded';
    case 502: return 'provider_unavailable';
    default: return status >= 500 ? 'server' : 'invalid_request';
  }
}

/** The status Parley reports for an upstream outcome (HTTP status, or null for network failure / timeout). */
export function clientStatusFor(upstreamStatus: number | null, kind: 'http' | 'network' | 'timeout' | 'stream'): number {
  if (kind === 'timeout') return 408;
  if (upstreamStatus === null) return 502;
  if ([400, 401, 402, 403, 404, 408, 413, 422, 429].includes(upstreamStatus)) return upstreamStatus;
  if (upstreamStatus === 503 || upstreamStatus === 529) return 503;
  if (upstreamStatus >= 400 && upstreamStatus < 500) return 400;
  return 502;
}

// Key-shaped tokens some providers echo back in error text ("Incorrect API key provided: sk-abc…xyz").
const KEY_PATTERNS = [
  /\bsk-[A-Za-z0-9_*.-]{6,}/g,
  /\bAIza[A-Za-z0-9_-]{10,}/g,
  /\b(?:Bearer|x-api-key:?|key=)\s*[A-Za-z0-9_*.-]{8,}/gi,
];

/** Remove every known secret and anything key-shaped from text that came from an upstream. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  }
  for (const re of KEY_PATTERNS) out = out.replace(re, '[redacted]');
  return out;
}

export function truncate(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
