import { parseErrorResponse } from '../adapters/errors';
import type { UpstreamConfig } from '../types';
import type { AttemptFailure } from './retry-policy';

// A non-2xx upstream response → an attempt failure. The body is read up to 64 KiB; the adapters' error parser
// knows every provider's envelope and scrubs keys.

const MAX_ERROR_BODY = 64 * 1024;

async function readLimited(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < MAX_ERROR_BODY) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  return text;
}

export async function httpFailure(res: Response, upstream: UpstreamConfig): Promise<AttemptFailure> {
  const body = await readLimited(res);
  const e = parseErrorResponse(res.status, res.headers, body, upstream.label, [upstream.apiKey]);
  const failure: AttemptFailure = { kind: 'http', status: res.status, code: e.code, message: e.message, errorType: e.errorType };
  if (e.retryAfterMs !== undefined) failure.retryAfterMs = e.retryAfterMs;
  if (e.code === 401) failure.message = `${upstream.label} rejected the API key (HTTP ${res.status}). Check the ${upstream.label} key in Parley's settings.`;
  return failure;
}
