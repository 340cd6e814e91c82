import { describe, expect, it } from 'vitest';
import { ChunkFramer } from '../../../../../electron/engine/api/openrouter-chunks';
import { Relay } from '../../../../../electron/engine/failover/relay';
import type { EngineEvent } from '../../../../../electron/engine/stream-events';

// The local API relays images in OpenRouter's shape: streamed as `delta.images`, whole as `message.images`.

const URL_A = 'data:image/png;base64,AAAA';

describe('image relay', () => {
  it('streams an image as delta.images in an OpenRouter chunk', () => {
    const framer = new ChunkFramer();
    framer.chunk({ type: 'start', id: 'gen-1', created: 1, model: 'google/gemini-2.5-flash-image', provider: 'Google' });
    const chunk = JSON.parse(framer.sse({ type: 'image', url: URL_A })!.slice('data: '.length)) as { choices: { delta: unknown }[] };
    expect(chunk.choices[0]!.delta).toEqual({ role: 'assistant', images: [{ type: 'image_url', image_url: { url: URL_A } }] });
  });

  it('puts the images on the whole completion\'s message', async () => {
    const seen: EngineEvent[] = [];
    const relay = new Relay({ id: 'gen-2', created: 1, sink: (e) => void seen.push(e) });
    await relay.commit('google/gemini-2.5-flash-image', 'Google');
    await relay.handle({ type: 'text', text: 'Here.' });
    await relay.handle({ type: 'image', url: URL_A });
    await relay.handle({ type: 'finish', reason: 'stop', native: 'STOP' });
    expect(seen.map((e) => e.type)).toEqual(['start', 'text', 'image', 'finish']);
    expect(relay.completion(undefined).choices[0]!.message).toEqual({ role: 'assistant', content: 'Here.', images: [{ type: 'image_url', image_url: { url: URL_A } }] });
  });
});
