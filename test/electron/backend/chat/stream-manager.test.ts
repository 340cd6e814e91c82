import { describe, it, expect, vi } from 'vitest';
import { createStreamManager } from '../../../../electron/backend/chat/stream-manager';
import type { ChatEngine } from '../../../../electron/backend/chat/chat-engine';
import type { EngineEvent } from '../../../../electron/engine';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import type { StreamDelta, StreamSnapshot } from '../../../../shared/contract/chat';

const meta = { conversationId: 'c1', messageId: 'm1', columnId: 'col1' };
const request = { model: 'openai/gpt-4o', messages: [{ role: 'user' as const, content: 'hi' }] };
const start: EngineEvent = { type: 'start', id: 'gen-1', created: 0, model: 'openai/gpt-4o', provider: 'OpenAI' };
const record = { id: 'gen-1', finishReason: 'stop' } as GenerationRecord;

/** An engine whose text events the test releases one by one (after the endpoint's start event). */
function scriptedEngine() {
  let emit!: (text: string) => void;
  let end!: () => void;
  let signal!: AbortSignal;
  const engine: ChatEngine = {
    chat: (_req, opts) => {
      let started = false;
      emit = (text) => {
        if (!started) void opts.onEvent(start);
        started = true;
        void opts.onEvent({ type: 'text', text });
      };
      signal = opts.signal;
      return new Promise((resolve) => {
        end = () => resolve({ record });
        opts.signal.addEventListener('abort', () => resolve({ record: { ...record, cancelled: true } }));
      });
    },
  };
  return { engine, emit: (text: string) => emit(text), end: () => end(), signal: () => signal };
}

describe('stream manager (streams owned by main)', () => {
  it('coalesces deltas and keeps a full snapshot for re-attaching', async () => {
    vi.useFakeTimers();
    const s = scriptedEngine();
    const deltas: StreamDelta[] = [];
    const finished: StreamSnapshot[] = [];
    const m = createStreamManager(s.engine, { delta: (d) => deltas.push(d), finished: (f) => finished.push(f) }, { flushMs: 50 });
    m.start('stream-0001', meta, request);
    s.emit('Hel');
    s.emit('lo');
    expect(deltas).toEqual([]); // nothing per token
    vi.advanceTimersByTime(50);
    expect(deltas).toHaveLength(1);
    expect(deltas[0]).toMatchObject({ streamId: 'stream-0001', text: 'Hello', model: 'openai/gpt-4o', provider: 'OpenAI', seq: 2 });
    s.emit(' world');
    // A renderer that reloads now asks for the active streams and gets the whole text.
    expect(m.active()[0]).toMatchObject({ text: 'Hello world', status: 'streaming', meta });
    s.end();
    await vi.runAllTimersAsync();
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ status: 'done', text: 'Hello world', record: { id: 'gen-1' } });
    expect(deltas.map((d) => d.text).join('')).toBe('Hello world');
    vi.useRealTimers();
  });

  it('keeps a finished answer until the renderer acknowledges it', async () => {
    const s = scriptedEngine();
    const m = createStreamManager(s.engine, { delta: () => {}, finished: () => {} });
    m.start('stream-0002', meta, request);
    s.emit('kept');
    expect(m.ack('stream-0002')).toBe(false); // still running
    s.end();
    await new Promise((r) => setTimeout(r, 0));
    expect(m.get('stream-0002')).toMatchObject({ status: 'done', text: 'kept' });
    expect(m.ack('stream-0002')).toBe(true);
    expect(m.get('stream-0002')).toBeNull();
    m.close();
  });

  it('stops one stream through its abort signal and keeps what was streamed', async () => {
    const a = scriptedEngine();
    const m = createStreamManager(a.engine, { delta: () => {}, finished: () => {} });
    m.start('stream-0003', meta, request);
    a.emit('partial');
    expect(m.stop('stream-0003')).toBe(1);
    expect(a.signal().aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(m.get('stream-0003')).toMatchObject({ status: 'stopped', text: 'partial' });
    expect(m.stop('stream-0003')).toBe(0);
    m.close();
  });

  it('does not start a second generation when a start is retried with the same id', () => {
    const chat = vi.fn(() => new Promise<never>(() => {}));
    const m = createStreamManager({ chat }, { delta: () => {}, finished: () => {} });
    m.start('stream-0004', meta, request);
    m.start('stream-0004', meta, request);
    expect(chat).toHaveBeenCalledTimes(1);
    m.close();
  });

  it('reports an engine failure as an errored answer, not a crash', async () => {
    const finished: StreamSnapshot[] = [];
    const m = createStreamManager({ chat: async () => { throw new Error('boom'); } }, { delta: () => {}, finished: (f) => finished.push(f) });
    m.start('stream-0005', meta, request);
    await new Promise((r) => setTimeout(r, 0));
    expect(finished[0]).toMatchObject({ status: 'error', error: { code: 500 } });
    m.close();
  });
});

describe('one active stream per (conversation, column)', () => {
  it('refuses a second start in a column that is still answering, but not in another column', () => {
    const chat = vi.fn(() => new Promise<never>(() => {}));
    const m = createStreamManager({ chat }, { delta: () => {}, finished: () => {} });
    m.start('stream-0010', meta, request);
    expect(() => m.start('stream-0011', meta, request)).toThrow(/still answering/);
    m.start('stream-0012', { ...meta, columnId: 'col2', messageId: 'm2' }, request);
    expect(chat).toHaveBeenCalledTimes(2);
    m.close();
  });
});
