import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Canceller } from '../../../../electron/engine/cancel';
import { createNodeTransport, type UpstreamResponse } from '../../../../electron/engine/failover/transport';

// The node transport's response body: every byte in order, a slow reader holds the upstream back instead of
// Parley buffering it, and a body cut short or aborted fails the read.

let server: Server | undefined;
const transport = createNodeTransport();
afterAll(() => transport.close());
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

async function upstream(handler: (res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    req.resume();
    handler(res);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
}

const post = (url: string, signal = new Canceller()) => transport({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, signal);

async function readAll(res: UpstreamResponse): Promise<string> {
  let text = '';
  for await (const bytes of res.body) text += Buffer.from(bytes).toString('utf8');
  return text;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('node transport: response body', () => {
  it('delivers every byte in order, whether it arrived while a read waited or before anyone read', async () => {
    const url = await upstream((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: 1\n\n');
      setTimeout(() => res.write('data: 2\n\n'), 20);
      setTimeout(() => res.write('data: 3\n\n'), 40);
      setTimeout(() => res.end('data: [DONE]\n\n'), 60);
    });
    const early = await post(url);
    expect(await readAll(early)).toBe('data: 1\n\ndata: 2\n\ndata: 3\n\ndata: [DONE]\n\n');
    const late = await post(url);
    await wait(150); // everything has arrived before the first read
    expect(await readAll(late)).toBe('data: 1\n\ndata: 2\n\ndata: 3\n\ndata: [DONE]\n\n');
  });

  it('holds the upstream back while nobody reads (no unbounded buffering), and lets it go on once read', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    let blocked = false;
    let written = 0;
    const url = await upstream((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const pump = () => {
        while (written < 400) {
          written++;
          if (!res.write(`data: ${chunk}\n\n`)) {
            blocked = true;
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    const res = await post(url);
    await wait(200);
    expect(blocked).toBe(true);
    expect(written).toBeLessThan(400); // the upstream waits for Parley's reader instead of Parley holding 25 MB
    const text = await readAll(res);
    expect(written).toBe(400);
    expect(text.length).toBe(400 * (chunk.length + 8));
  });

  it('fails the read when the upstream hangs up inside the body', async () => {
    const url = await upstream((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: 1\n\n');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const res = await post(url);
    const it = res.body[Symbol.asyncIterator]();
    expect(Buffer.from((await it.next()).value!).toString()).toBe('data: 1\n\n');
    await expect(it.next()).rejects.toThrow();
  });

  it('fails a waiting read with an AbortError when the request is cancelled', async () => {
    const url = await upstream((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: 1\n\n'); // and nothing more
    });
    const signal = new Canceller();
    const res = await post(url, signal);
    const it = res.body[Symbol.asyncIterator]();
    await it.next();
    const pending = it.next();
    signal.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
