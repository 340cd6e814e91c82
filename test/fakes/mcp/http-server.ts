import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { createFakeMcpServer } from './fake-tools';

export interface FakeHttpMcp {
  url: string;
  /** The Authorization headers the server received, in order. */
  authorizations: (string | undefined)[];
  close(): Promise<void>;
}

/** A real MCP server over HTTP on 127.0.0.1, built with the SDK's server side. `streamable` serves the Streamable
 * HTTP transport (stateless: a fresh server per request); `sse` serves only the older SSE transport (GET /mcp
 * opens the stream, POST /messages carries requests), as old servers do. With `token`, requests without
 * "Authorization: Bearer <token>" get a 401. */
export async function startFakeHttpMcp(opts: { kind: 'streamable' | 'sse'; token?: string }): Promise<FakeHttpMcp> {
  const authorizations: (string | undefined)[] = [];
  const sse = new Map<string, SSEServerTransport>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    authorizations.push(req.headers.authorization);
    if (opts.token && req.headers.authorization !== `Bearer ${opts.token}`) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('unauthorized');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (opts.kind === 'streamable') {
      if (path !== '/mcp') return void res.writeHead(404).end();
      const server = createFakeMcpServer({ name: 'http-fake' });
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on('close', () => void transport.close().then(() => server.close()));
      await server.connect(transport);
      await transport.handleRequest(req, res);
      return;
    }
    if (req.method === 'GET' && path === '/mcp') {
      const transport = new SSEServerTransport('/messages', res);
      sse.set(transport.sessionId, transport);
      res.on('close', () => sse.delete(transport.sessionId));
      await createFakeMcpServer({ name: 'sse-fake' }).connect(transport);
      return;
    }
    if (req.method === 'POST' && path === '/messages') {
      const transport = sse.get(new URL(req.url ?? '/', 'http://x').searchParams.get('sessionId') ?? '');
      if (!transport) return void res.writeHead(404).end();
      await transport.handlePostMessage(req, res);
      return;
    }
    res.writeHead(405).end();
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
