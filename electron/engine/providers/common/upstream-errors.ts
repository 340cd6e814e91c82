import { arr, num, obj, str } from './values';
import { scrubSecrets } from './scrub';

// What an upstream said when it refused a request (non-2xx), or sent an error inside a 200 stream, reduced to
// OpenRouter's error vocabulary (docs/openrouter-api.md §5). `code` is the status Parley reports
// (OpenRouter semantics: upstream 5xx → 502, overloaded → 503); `status` is what the upstream sent. Messages
// name the upstream and never contain the key.

export interface UpstreamError {
  code: number;
  status: number;
  message: string;
  errorType: string;
  retryAfterMs?: number;
  providerCode?: string; // the upstream's own code: "overloaded_error", "RESOURCE_EXHAUSTED", "insufficient_quota"
}

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

const MAX_MESSAGE = 300;

/** Status Parley reports for an upstream HTTP status. */
export function clientCode(status: number): number {
  if ([400, 401, 402, 403, 404, 408, 413, 422, 429].includes(status)) return status;
  if (status === 503 || status === 529) return 503;
  if (status === 504) return 408;
  if (status >= 400 && status < 500) return 400;
  return 502;
}

export function errorTypeForCode(code: number): string {
  switch (code) {
    case 400: return 'invalid_request';
    case 401: return 'authentication';
    case 402: return 'payment_required';
    case 403: return 'permission_denied';
    case 404: return 'not_found';
    case 408: return 'timeout';
    case 413: return 'payload_too_large';
    case 422: return 'unprocessable';
    case 429: return 'rate_limit_exceeded';
    case 503: return 'provider_overloaded';
    default: return 'provider_unavailable';
  }
}

// Provider error codes whose meaning beats the HTTP status: [client code, error_type].
const PROVIDER_CODES: Record<string, [number, string]> = {
  // Anthropic error.type
  overloaded_error: [503, 'provider_overloaded'],
  api_error: [502, 'provider_unavailable'],
  rate_limit_error: [429, 'rate_limit_exceeded'],
  invalid_request_error: [400, 'invalid_request'],
  authentication_error: [401, 'authentication'],
  permission_error: [403, 'permission_denied'],
  not_found_error: [404, 'not_found'],
  request_too_large: [413, 'payload_too_large'],
  billing_error: [402, 'payment_required'],
  timeout_error: [408, 'timeout'],
  // OpenAI error.code
  insufficient_quota: [402, 'payment_required'], // sent as 429 but retrying cannot help
  invalid_api_key: [401, 'authentication'],
  context_length_exceeded: [400, 'context_length_exceeded'],
  model_not_found: [404, 'not_found'],
  rate_limit_exceeded: [429, 'rate_limit_exceeded'],
  // Google error.status
  RESOURCE_EXHAUSTED: [429, 'rate_limit_exceeded'],
  UNAVAILABLE: [503, 'provider_overloaded'],
  UNAUTHENTICATED: [401, 'authentication'],
  PERMISSION_DENIED: [403, 'permission_denied'],
  NOT_FOUND: [404, 'not_found'],
  DEADLINE_EXCEEDED: [408, 'timeout'],
  INTERNAL: [502, 'provider_unavailable'],
  API_KEY_INVALID: [401, 'authentication'], // Google ErrorInfo.reason, sent with HTTP 400
};

const CONTEXT_HINT = /context.length|context window|prompt is too long|too many tokens|maximum context/i;

interface Extracted {
  message?: string;
  providerCode?: string;
  errorType?: string; // OpenRouter metadata.error_type
  code?: number; // numeric code inside the body (OpenRouter / Google error.code, used for 200-status stream errors)
  retryAfterMs?: number;
}

/** Pulls message, codes and retry hints out of any provider's error envelope. */
export function extractProviderError(body: unknown): Extracted {
  const root = Array.isArray(body) ? body[0] : body; // Google sometimes wraps the error in an array
  const o = obj(root);
  if (!o) return typeof root === 'string' && root.trim() ? { message: root } : {};
  const e = obj(o.error) ?? (o.type === 'error' ? undefined : o);
  const out: Extracted = {};
  const err = e ?? {};
  out.message = str(err.message) ?? str(o.error) ?? str(o.message) ?? str(o.detail);
  const meta = obj(err.metadata);
  out.errorType = str(meta?.error_type);
  // Anthropic: {type:"error", error:{type, message}}; OpenAI: {error:{type, code}}; Google: {error:{status, details}}
  const googleReason = arr(err.details)?.map((d) => str(obj(d)?.reason)).find((r) => r !== undefined);
  out.providerCode = googleReason ?? str(err.status) ?? str(err.code) ?? str(err.type) ?? str(meta?.provider_code);
  out.code = num(err.code);
  for (const d of arr(err.details) ?? []) {
    const delay = str(obj(d)?.retryDelay);
    if (delay && /^\d+(\.\d+)?s$/.test(delay)) out.retryAfterMs = Math.ceil(Number(delay.slice(0, -1)) * 1000);
  }
  const availability = obj(err.availability);
  const ra = num(availability?.retry_after);
  if (out.retryAfterMs === undefined && ra !== undefined) out.retryAfterMs = Math.ceil(ra * 1000);
  return out;
}

function header(h: HeaderSource, name: string): string | undefined {
  if (typeof (h as Headers).get === 'function') return (h as Headers).get(name) ?? undefined;
  const rec = h as Record<string, string | string[] | undefined>;
  for (const k of Object.keys(rec)) {
    if (k.toLowerCase() === name) {
      const v = rec[k];
      return Array.isArray(v) ? v[0] : v;
    }
  }
  return undefined;
}

/** `retry-after-ms`, then `retry-after` (seconds or HTTP date), in ms. */
export function retryAfterFromHeaders(h: HeaderSource, now = Date.now()): number | undefined {
  const ms = header(h, 'retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  const v = header(h, 'retry-after')?.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000);
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function cleanMessage(text: string, secrets: readonly (string | undefined)[]): string {
  const one = scrubSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  return one.length <= MAX_MESSAGE ? one : `${one.slice(0, MAX_MESSAGE - 1)}…`;
}

function classify(status: number, x: Extracted): { code: number; errorType: string } {
  const byProvider = x.providerCode ? PROVIDER_CODES[x.providerCode] : undefined;
  let code = clientCode(status);
  let errorType = x.errorType ?? errorTypeForCode(code);
  // The provider's code refines a generic status (400, 5xx → 502), or overrides one when it changes what can be
  // done about it (quota, key, overload); a specific status (401 with "invalid_request_error") stays.
  if (byProvider && !x.errorType && (code === 400 || code === 502 || [401, 402, 503].includes(byProvider[0]))) {
    code = byProvider[0];
    errorType = byProvider[1];
  }
  if (code === 400 && x.message && CONTEXT_HINT.test(x.message) && (errorType === 'invalid_request' || !x.errorType)) {
    errorType = 'context_length_exceeded';
  }
  return { code, errorType };
}

/** A non-2xx upstream response → Parley's error. Works for every wire format. */
export function parseErrorResponse(
  status: number,
  headers: HeaderSource,
  bodyText: string,
  upstreamLabel: string,
  secrets: readonly (string | undefined)[] = [],
): UpstreamError {
  let body: unknown = bodyText;
  try {
    body = JSON.parse(bodyText) as unknown;
  } catch {
    // plain-text or HTML error page
  }
  const x = extractProviderError(body);
  if (typeof body === 'string' && /^\s*</.test(body)) x.message = undefined; // don't show an HTML page
  const { code, errorType } = classify(status, x);
  const detail = x.message ? cleanMessage(x.message, secrets) : '';
  const out: UpstreamError = {
    code,
    status,
    message: detail ? `${upstreamLabel} returned HTTP ${status}: ${detail}` : `${upstreamLabel} returned HTTP ${status}`,
    errorType,
  };
  const retryAfterMs = retryAfterFromHeaders(headers) ?? x.retryAfterMs;
  if (retryAfterMs !== undefined) out.retryAfterMs = retryAfterMs;
  if (x.providerCode) out.providerCode = x.providerCode;
  return out;
}

/** An error that arrived inside a 200 stream (OpenRouter/OpenAI `error` chunk, Anthropic `error` event, Google
 * error chunk) → the normalised error event. */
export function streamErrorEvent(
  payload: unknown,
  upstreamLabel: string,
  secrets: readonly (string | undefined)[],
  where = 'mid-stream',
): { type: 'error'; code: number; message: string; errorType: string } {
  const x = extractProviderError(payload);
  const status = x.code !== undefined && x.code >= 400 && x.code < 600 ? x.code : 502;
  const { code, errorType } = classify(status, x);
  const kind = x.providerCode && !/^\d+$/.test(x.providerCode) ? ` (${x.providerCode})` : '';
  const detail = x.message ? `: ${cleanMessage(x.message, secrets)}` : '';
  return { type: 'error', code, message: `${upstreamLabel} reported an error ${where}${kind}${detail}`, errorType };
}
