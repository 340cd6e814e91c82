import type { IncomingMessage, ServerResponse } from 'node:http';

// Browser apps (docs/openrouter-api.md §12.3): CORS is off unless the user allows an origin in Settings. An allowed
// origin gets its preflight answered and may read responses; credentials are never allowed (apps send the key as
// a bearer token). A request from any other origin is refused outright, so a web page cannot use the API even with
// a "simple" request that skips the preflight.

const EXPOSED = 'X-Generation-Id, Retry-After';
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

export type CorsOutcome = 'no-origin' | 'allowed' | 'refused';

/** Checks the request's Origin against the allow-list and sets the CORS headers an allowed origin gets. */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): CorsOutcome {
  const origin = req.headers.origin;
  if (origin === undefined) return 'no-origin';
  if (!allowed.includes(origin.toLowerCase())) return 'refused';
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED);
  return 'allowed';
}

/** Answers a preflight from an allowed origin: the methods and the headers it asked for, for ten minutes. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const asked = req.headers['access-control-request-headers'];
  const headers: Record<string, string> = {
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Max-Age': '600',
    'Content-Length': '0',
  };
  if (typeof asked === 'string' && HEADER_LIST.test(asked.trim())) headers['Access-Control-Allow-Headers'] = asked.trim();
  res.writeHead(204, headers).end();
}
