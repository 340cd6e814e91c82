import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

// The floor under any Node relay: a trivial HTTP proxy that passes bytes through unread (no parsing, no auth, no
// routing) over a keep-alive agent. Benchmarks measure it beside Parley in the same run, so "Parley vs floor vs
// direct" shows how much of Parley's cost is its own work and how much is one more Node hop on this machine.

export interface FloorProxy {
  /** Where a client posts instead of `target` (same path). */
  url: string;
  close(): Promise<void>;
}

export async function startFloorProxy(target: string): Promise<FloorProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, scheduling: 'lifo' });
  const server = createServer((req, res) => {
    const up = request(
      { agent, host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res); // pipe() pauses the upstream while the client is slow
      },
    );
    up.on('error', () => res.destroy());
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    req.pipe(up);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
