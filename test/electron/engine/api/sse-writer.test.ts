import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ChunkFramer } from '../../../../electron/engine/api/openrouter-chunks';
import { SseWriter } from '../../../../electron/engine/api/sse-writer';
import type { EngineEvent } from '../../../../electron/engine/stream-events';

async function capture(write: (res: ServerResponse) => Promise<void>): Promise<{ body: string; reads: number }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    void write(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  try {
    return await new Promise((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/' }, (res) => {
        let body = '';
        let reads = 0;
        res.on('data', (c) => {
          reads++;
          body += c;
        });
        res.on('end', () => resolve({ body, reads }));
      }).on('error', reject).end();
    });
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

const start: EngineEvent = { type: 'start', id: 'gen-1', created: 1, model: 'a/b', provider: 'P' };

describe('SseWriter', () => {
  it('writes every event of a stream in order, each exactly the JSON of its chunk', async () => {
    const events: EngineEvent[] = [
      start,
      { type: 'text', text: 'Hel' },
      { type: 'text', text: 'lo "quoted"\n' },
      { type: 'usage', usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } },
    ];
    const reference = new ChunkFramer();
    const expected = events.map((e) => reference.chunk(e)).filter(Boolean);
    const { body } = await capture(async (res) => {
      const framer = new ChunkFramer();
      const w = new SseWriter(res);
      for (const e of events) {
        const text = framer.sse(e);
        if (text) await w.write(text);
      }
      w.end('data: [DONE]\n\n');
    });
    const lines = body.split('\n\n').filter(Boolean).map((e) => e.replace(/^data: /, ''));
    expect(lines.at(-1)).toBe('[DONE]');
    expect(lines.slice(0, -1)).toEqual(expected.map((c) => JSON.stringify(c)));
  });

  it('joins events written in one burst into one socket write', async () => {
    const { body, reads } = await capture(async (res) => {
      const framer = new ChunkFramer();
      framer.sse(start);
      const w = new SseWriter(res);
      for (let i = 0; i < 200; i++) void w.write(framer.sse({ type: 'text', text: `t${i} ` })!);
      await new Promise((r) => setTimeout(r, 20));
      w.end();
    });
    expect(body.split('\n\n').filter(Boolean)).toHaveLength(200);
    expect(reads).toBeLessThan(10);
  });
});

describe('SseWriter: the first event', () => {
  it('is on the wire, with the headers, when write returns — not held back for the rest of its burst', async () => {
    const seen: { buffered: number; sent: number }[] = [];
    const { body } = await capture(async (res) => {
      const framer = new ChunkFramer();
      framer.sse(start);
      const w = new SseWriter(res);
      const socket = res.socket!;
      const before = socket.bytesWritten;
      void w.write(framer.sse({ type: 'text', text: 'first' })!);
      seen.push({ buffered: socket.writableLength, sent: socket.bytesWritten - before });
      // the rest of the burst still goes out as one write
      for (let i = 0; i < 50; i++) void w.write(framer.sse({ type: 'text', text: `t${i} ` })!);
      await new Promise((r) => setTimeout(r, 20));
      w.end('data: [DONE]\n\n');
    });
    expect(seen[0]!.buffered).toBe(0);
    expect(seen[0]!.sent).toBeGreaterThan('data: '.length);
    const events = body.split('\n\n').filter(Boolean);
    expect(events).toHaveLength(52);
    expect(events[0]).toContain('"content":"first"');
    expect(events.at(-1)).toBe('data: [DONE]');
  });
});
