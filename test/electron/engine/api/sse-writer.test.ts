import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SseWriter } from '../../../../electron/engine/api/sse-writer';
import type { ChatCompletionChunk } from '../../../../shared/openrouter/chat-response';

const base = { id: 'gen-1', object: 'chat.completion.chunk' as const, created: 1, model: 'a/b', provider: 'P' };
const delta = (content: string): ChatCompletionChunk => ({ ...base, choices: [{ index: 0, delta: { content }, finish_reason: null, native_finish_reason: null }] });

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

describe('SseWriter', () => {
  it('writes each chunk as exactly the JSON of the chunk, including usage and error chunks', async () => {
    const chunks: ChatCompletionChunk[] = [
      delta('Hel'),
      delta('lo "quoted"\n'),
      { ...base, choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } },
      { ...base, model: 'c/d', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
      { ...base, error: { code: 502, message: 'x' }, choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }] },
    ];
    const { body } = await capture(async (res) => {
      const w = new SseWriter(res);
      for (const c of chunks) await w.write(c);
      w.end('data: [DONE]\n\n');
    });
    const events = body.split('\n\n').filter(Boolean).map((e) => e.replace(/^data: /, ''));
    expect(events.at(-1)).toBe('[DONE]');
    expect(events.slice(0, -1).map((e) => JSON.parse(e))).toEqual(chunks);
    expect(events.slice(0, -1)).toEqual(chunks.map((c) => JSON.stringify(c)));
  });

  it('joins chunks written in one burst into one socket write', async () => {
    const { body, reads } = await capture(async (res) => {
      const w = new SseWriter(res);
      for (let i = 0; i < 200; i++) void w.write(delta(`t${i} `));
      await new Promise((r) => setTimeout(r, 20));
      w.end();
    });
    expect(body.split('\n\n').filter(Boolean)).toHaveLength(200);
    expect(reads).toBeLessThan(10);
  });
});
