import { describe, expect, it, vi } from 'vitest';
import { createStreamManager } from '../../../../electron/backend/chat/stream-manager';
import type { ChatEngine } from '../../../../electron/backend/chat/chat-engine';
import type { EngineEvent } from '../../../../electron/engine';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import type { StreamDelta, StreamSnapshot } from '../../../../shared/contract/chat';

// Generated images reach the room as they arrive: in the next delta, and in the snapshot a reloaded window reads.

const meta = { conversationId: 'c1', messageId: 'm1', columnId: 'col1' };
const request = { model: 'google/gemini-2.5-flash-image', messages: [{ role: 'user' as const, content: 'draw' }], modalities: ['image' as const, 'text' as const] };
const IMG_A = 'data:image/png;base64,AAAA';
const IMG_B = 'data:image/png;base64,BBBB';

describe('stream manager: images', () => {
  it('passes each image on in the next delta and keeps them all in the snapshot', async () => {
    vi.useFakeTimers();
    let emit!: (ev: EngineEvent) => void;
    let end!: () => void;
    const engine: ChatEngine = {
      chat: (_req, opts) => {
        emit = (ev) => void opts.onEvent(ev);
        return new Promise((resolve) => (end = () => resolve({ record: { id: 'gen-1', finishReason: 'stop' } as GenerationRecord })));
      },
    };
    const deltas: StreamDelta[] = [];
    const finished: StreamSnapshot[] = [];
    const m = createStreamManager(engine, { delta: (d) => deltas.push(d), finished: (f) => finished.push(f) }, { flushMs: 50 });
    m.start('stream-img-01', meta, request);
    emit({ type: 'start', id: 'gen-1', created: 0, model: 'google/gemini-2.5-flash-image', provider: 'Google' });
    emit({ type: 'text', text: 'A cat.' });
    emit({ type: 'image', url: IMG_A });
    vi.advanceTimersByTime(50);
    expect(deltas.at(-1)).toMatchObject({ text: 'A cat.', images: [IMG_A] });
    expect(deltas.at(-1)!.firstTokenAt).toEqual(expect.any(Number));
    emit({ type: 'image', url: IMG_B });
    vi.advanceTimersByTime(50);
    expect(deltas.at(-1)!.images).toEqual([IMG_B]);
    expect(m.active()[0]!.images).toEqual([IMG_A, IMG_B]);
    end();
    await vi.runAllTimersAsync();
    expect(finished[0]).toMatchObject({ status: 'done', images: [IMG_A, IMG_B] });
    vi.useRealTimers();
  });
});
