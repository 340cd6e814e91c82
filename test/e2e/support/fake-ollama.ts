import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeUpstream, type FakeUpstream } from '../../fakes';

// A fake Ollama on a loopback port: its model list at /api/tags (as Ollama lists them, "name:latest"), and the
// OpenAI-compatible API under /v1 from the fake upstream.

export interface FakeOllama {
  port: number;
  upstream: FakeUpstream;
  close(): Promise<void>;
}

export async function startFakeOllama(models: string[]): Promise<FakeOllama> {
  const upstream = await startFakeUpstream('openai', { models });
  const target = new URL(upstream.url);
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/api/tags') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ models: models.map((m) => ({ name: `${m}:latest`, model: `${m}:latest` })) }));
      return;
    }
    const forward = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    upstream,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await upstream.close();
    },
  };
}
