import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Backend } from '../backend/create-backend';
import { clientFrameSchema, WS_PATH, AUTH_PROTOCOL_PREFIX, SESSION_PATH, SESSION_TOKEN_HEADER, type ServerFrame } from '../../shared/contract/wire';
import { contentSecurityPolicy } from '../shell/csp';
import { isAllowedHost, isAllowedOrigin, tokenMatches } from './origin-check';
import { resolveStatic, sendFile } from './static-files';

export interface HostOptions {
  backend: Backend;
  staticDir: string;
  port?: number; // 0 = any free port
  token?: string;
}

export interface RunningHost {
  url: string; // includes #token=…
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Serves the renderer and the bridge on 127.0.0.1 so Parley runs without the Electron binary. */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const staticDir = resolve(opts.staticDir);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has('parley.v1') ? 'parley.v1' : false),
  });
  let port = 0;

  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden host');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if ((req.url ?? '').split('?')[0] === SESSION_PATH) {
      // A custom header: another site's page cannot send it without a CORS preflight, which is never granted.
      const given = req.headers[SESSION_TOKEN_HEADER.toLowerCase()];
      res.writeHead(tokenMatches(typeof given === 'string' ? given : undefined, token) ? 204 : 401, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' }).end();
      return;
    }
    const file = resolveStatic(staticDir, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    sendFile(res, file, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]),
    });
  });

  const refuse = (socket: Duplex, status: number, text: string) => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return refuse(socket, 403, 'Forbidden');
    }
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const given = offered.find((p) => p.startsWith(AUTH_PROTOCOL_PREFIX))?.slice(AUTH_PROTOCOL_PREFIX.length);
    if (!tokenMatches(given, token)) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket) {
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const detach = opts.backend.hub.attach((event, payload) => send({ t: 'event', event, payload }));
    ws.on('close', detach);
    ws.on('error', detach);
    ws.on('message', async (data) => {
      let frame;
      try {
        frame = clientFrameSchema.parse(JSON.parse(data.toString()));
      } catch {
        ws.close(1003, 'malformed frame');
        return;
      }
      const result = await opts.backend.dispatch(frame.route, frame.input);
      send(result.ok ? { t: 'result', id: frame.id, ok: true, value: result.value } : { t: 'result', id: frame.id, ok: false, error: result.error });
    });
    send({ t: 'hello', transport: 'host' });
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => done());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // server.close() alone waits for requests in flight (a page half-way through one would hold Parley forever).
      server.closeAllConnections();
      await closed;
    },
  };
}
