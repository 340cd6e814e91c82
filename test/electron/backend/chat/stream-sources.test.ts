import { describe, expect, it } from 'vitest';
import { createStreamManager } from '../../../../electron/backend/chat/stream-manager';
import type { ChatEngine } from '../../../../electron/backend/chat/chat-engine';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import { MAX_SOURCES } from '../../../../shared/openrouter/annotations';
import { streamSnapshotSchema, type StreamDelta, type StreamSnapshot } from '../../../../shared/contract/chat';

// Web search sources reach the finished snapshot (which the renderer stores with the answer), in the order they
// arrived, bounded, and valid for the contract; they make no delta of their own.

const meta = { conversationId: 'c1', messageId: 'm1', columnId: 'col1' };
const request = { model: 'openai/gpt-4o', messages: [{ role: 'user' as const, content: 'tides?' }], plugins: [{ id: 'web' }] };
const cite = (i: number) => ({ type: 'url_citation' as const, url_citation: { url: `https://example.org/${i}`, title: `Page ${i}`, start_index: 0, end_index: 5 } });

function engineSending(batches: number[][]): ChatEngine {
  return {
    chat: async (_req, opts) => {
      await opts.onEvent({ type: 'start', id: 'gen-1', created: 0, model: 'openai/gpt-4o', provider: 'OpenAI' });
      await opts.onEvent({ type: 'text', text: 'Tides' });
      for (const b of batches) await opts.onEvent({ type: 'annotations', annotations: b.map(cite) });
      await opts.onEvent({ type: 'finish', reason: 'stop', native: 'stop' });
      return { record: { id: 'gen-1', finishReason: 'stop' } as GenerationRecord };
    },
  };
}

async function run(batches: number[][]) {
  const finished: StreamSnapshot[] = [];
  const deltas: StreamDelta[] = [];
  const m = createStreamManager(engineSending(batches), { delta: (d) => deltas.push(d), finished: (f) => finished.push(f) }, { flushMs: 5 });
  m.start('stream-src-1', meta, request);
  while (finished.length === 0) await new Promise((r) => setTimeout(r, 5));
  m.close();
  return { snap: finished[0]!, deltas };
}

describe('stream manager: web search sources', () => {
  it('collects every annotation into the finished snapshot, in order', async () => {
    const { snap, deltas } = await run([[1, 2], [3]]);
    expect(snap.sources?.map((s) => s.url)).toEqual(['https://example.org/1', 'https://example.org/2', 'https://example.org/3']);
    expect(snap.sources?.[0]).toEqual({ url: 'https://example.org/1', title: 'Page 1', start_index: 0, end_index: 5 });
    expect(streamSnapshotSchema.shape.sources.safeParse(snap.sources).success).toBe(true);
    expect(deltas.map((d) => d.seq).at(-1)).toBeLessThanOrEqual(snap.seq);
  });

  it('keeps at most MAX_SOURCES, so a hostile upstream cannot grow the answer without bound', async () => {
    const many = Array.from({ length: MAX_SOURCES + 50 }, (_, i) => i);
    const { snap } = await run([many.slice(0, 120), many.slice(120)]);
    expect(snap.sources).toHaveLength(MAX_SOURCES);
    expect(streamSnapshotSchema.shape.sources.safeParse(snap.sources).success).toBe(true);
  });

  it('an answer without a search has no sources field', async () => {
    const { snap } = await run([]);
    expect(snap).not.toHaveProperty('sources');
  });
});
