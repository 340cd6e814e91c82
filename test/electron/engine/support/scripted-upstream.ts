import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NormalizedEvent } from '../../../../electron/engine/types';

// A loopback HTTP server speaking the mock adapter's wire format. Each upstream id gets a queue of scripted
// responses (the last one repeats); every request and every closed socket is recorded.

export interface Script {
  status?: number;
  headers?: Record<string, string>;
  errorBody?: string; // for non-2xx
  events?: NormalizedEvent[];
  delayMs?: number; // between events
  stall?: boolean; // after the events, never end the response
  stallBeforeHeaders?: boolean;
  destroyAfterEvents?: boolean; // cut the connection after the events
}

export interface SeenRequest {
  upstreamId: string;
  headers: IncomingMessage['headers'];
  body: { model: string; stream: boolean; body: Record<string, unknown> };
}

export async function startScriptedUpstream() {
  const scripts = new Map<string, Script[]>();
  const seen: SeenRequest[] = [];
  const closed: { upstreamId: string; at: number }[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const upstreamId = decodeURIComponent((req.url ?? '').split('/')[2] ?? '');
    let raw = '';
    for await (const c of req) raw += c;
    seen.push({ upstreamId, headers: req.headers, body: JSON.parse(raw || '{}') });
    res.on('close', () => closed.push({ upstreamId, at: performance.now() }));
    const queue = scripts.get(upstreamId) ?? [];
    const script: Script = (queue.length > 1 ? queue.shift() : queue[0]) ?? { status: 404, errorBody: '{"error":{"message":"no script"}}' };
    if (script.stallBeforeHeaders) return;
    const status = script.status ?? 200;
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'application/json', ...script.headers }).end(script.errorBody ?? '');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain', ...script.headers });
    res.flushHeaders();
    for (const ev of script.events ?? []) {
      if (script.delayMs) await new Promise((r) => setTimeout(r, script.delayMs));
      if (res.destroyed) return;
      res.write(`${JSON.stringify(ev)}\n`);
    }
    if (script.destroyAfterEvents) {
      await new Promise((r) => setTimeout(r, 20));
      res.socket?.destroy();
      return;
    }
    if (!script.stall) res.end('[DONE]\n');
  });
  let connections = 0;
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: (upstreamId: string) => `http://127.0.0.1:${port}/u/${encodeURIComponent(upstreamId)}`,
    script(upstreamId: string, ...s: Script[]) {
      scripts.set(upstreamId, s);
    },
    seen,
    closed,
    connections: () => connections,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export const text = (t: string): NormalizedEvent => ({ type: 'text', text: t });
export const stop: NormalizedEvent = { type: 'finish', reason: 'stop', native: 'stop' };
export const usage = (prompt: number, completion: number, extra: Partial<Extract<NormalizedEvent, { type: 'usage' }>['usage']> = {}): NormalizedEvent => ({
  type: 'usage',
  usage: { promptTokens: prompt, completionTokens: completion, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, ...extra },
});
