import { parseErrorResponse } from '../providers/common/upstream-errors';
import type { UpstreamConfig } from '../types';
import type { AttemptFailure } from './retry-policy';
import type { UpstreamResponse } from './transport';

// A non-2xx upstream response → an attempt failure. The body is read up to 64 KiB; the adapters' error parser
// knows every provider's envelope and scrubs keys.

const MAX_ERROR_BODY = 64 * 1024;

async function readLimited(res: UpstreamResponse): Promise<{ text: string; ended: boolean }> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of res.body) {
    text += decoder.decode(chunk, { stream: true });
    if (text.length >= MAX_ERROR_BODY) return { text, ended: false };
  }
  return { text, ended: true };
}

export async function httpFailure(
  res: UpstreamResponse,
  upstream: UpstreamConfig,
  secrets: readonly (string | undefined)[] = [upstream.apiKey],
): Promise<AttemptFailure & { bodyComplete: boolean }> {
  const { text: body, ended } = await readLimited(res);
  const e = parseErrorResponse(res.status, res.headers, body, upstream.label, secrets);
  const failure: AttemptFailure & { bodyComplete: boolean } = {
    kind: 'http', status: res.status, code: e.code, message: e.message, errorType: e.errorType, bodyComplete: ended,
  };
  if (e.retryAfterMs !== undefined) failure.retryAfterMs = e.retryAfterMs;
  if (e.code === 401) failure.message = `${upstream.label} rejected the API key (HTTP ${res.status}). Check the ${upstream.label} key in Parley's settings.`;
  return failure;
}
