import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

// A TCP relay in front of a server that records when each client connection closes: how a test sees that the
// engine really hung up on an upstream.

export async function watchConnections(targetPort: number) {
  const closedAt: number[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => {
      closedAt.push(performance.now());
      end();
    });
    client.on('error', end);
    upstream.on('error', end);
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    closedAt,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
