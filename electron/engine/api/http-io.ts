import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody } from '../../../shared/openrouter/chat-response';
import type { EngineError } from '../errors';

// JSON in and out for the local API, errors in OpenRouter's envelope (docs/openrouter-api.md §5.1).

export const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
export const SSE_HEADERS = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Content-Type-Options': 'nosniff' };

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(text), ...headers }).end(text);
}

export function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}, metadata?: Record<string, unknown>): void {
  const error: ErrorBody = { code: status, message, ...(metadata ? { metadata } : {}) };
  sendJson(res, status, { error }, headers);
}

/** `Retry-After` (seconds) for a 429 or 503 the upstream asked to wait after (docs/openrouter-api.md §2.4). */
export function retryAfterHeader(e: EngineError): Record<string, string> {
  if (e.status !== 429 && e.status !== 503) return {};
  const meta = e.error.metadata?.retry_after_seconds;
  const seconds = typeof meta === 'number' ? meta : e.error.availability?.retry_after;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? { 'Retry-After': String(Math.ceil(seconds)) } : {};
}

export function sendEngineError(res: ServerResponse, e: EngineError, headers: Record<string, string> = {}): void {
  sendJson(res, e.status, { error: e.error }, { ...retryAfterHeader(e), ...headers });
}

export class BodyTooLarge extends Error {}

/** The body as text. With a Content-Length it is complete once that many bytes arrived: that resolves at once,
 * without waiting a tick for the stream's 'end'. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const declared = req.headers['content-length'];
    const expected = declared === undefined ? -1 : Number(declared);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts).toString('utf8'));
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      parts.push(chunk);
      if (size === expected) finish();
    });
    req.on('end', finish);
    req.on('error', reject);
  });
}

/** The body as JSON, or the error response already sent. */
export async function readJson(req: IncomingMessage, res: ServerResponse, limit: number): Promise<{ ok: true; body: unknown } | { ok: false }> {
  try {
    return { ok: true, body: JSON.parse(await readBody(req, limit)) };
  } catch (err) {
    if (err instanceof BodyTooLarge) sendError(res, 413, 'Request body too large.', {}, { error_type: 'payload_too_large' });
    else sendError(res, 400, 'Request body is not valid JSON.', {}, { error_type: 'invalid_request' });
    return { ok: false };
  }
}
