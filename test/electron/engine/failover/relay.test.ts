import { describe, expect, it } from 'vitest';
import { Relay } from '../../../../electron/engine/failover/relay';
import type { EngineEvent } from '../../../../electron/engine/stream-events';

describe('Relay', () => {
  it('passes every piece of a long answer on and keeps the whole text, in order, for the completion', () => {
    const seen: EngineEvent[] = [];
    const relay = new Relay({ id: 'gen-1', created: 1, sink: (ev) => void seen.push(ev) });
    relay.commit('a/b', 'P');
    const pieces = Array.from({ length: 1000 }, (_, i) => `w${i} `);
    pieces.forEach((text, i) => {
      relay.handle({ type: 'text', text });
      if (i % 100 === 0) relay.handle({ type: 'reasoning', text: `r${i};` });
    });
    relay.handle({ type: 'text', text: '' }); // nothing to pass on
    relay.handle({ type: 'finish', reason: 'stop', native: 'stop' });
    const text = pieces.join('');
    const reasoning = Array.from({ length: 10 }, (_, k) => `r${k * 100};`).join('');
    expect(relay.text()).toBe(text);
    expect(relay.outputChars).toBe(text.length + reasoning.length);
    expect(relay.completion(undefined).choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', content: text, reasoning } });
    expect(seen.filter((e) => e.type === 'text')).toHaveLength(1000);
  });

  it('tells its watcher who serves and every piece of output, and a watcher that throws changes nothing for the caller', () => {
    const endpoint = { upstream: { id: 'openrouter', kind: 'openrouter' as const, label: 'OpenRouter', baseUrl: 'http://127.0.0.1:1', isByok: false }, modelSlug: 'a/b', variants: [] };
    const served: unknown[] = [];
    const pieces: string[] = [];
    const watched = new Relay({ id: 'gen-1', created: 1, watcher: { serving: (s) => served.push(s), relayed: (t) => pieces.push(t) } });
    watched.commit('a/b', 'P', endpoint);
    watched.handle({ type: 'text', text: 'Hello ' });
    watched.handle({ type: 'reasoning', text: 'hmm' });
    watched.handle({ type: 'tool_call', index: 0, id: 'c1', name: 'f', argumentsDelta: '{"x":1}' });
    watched.handle({ type: 'text', text: '' });
    expect(served).toEqual([{ model: 'a/b', provider: 'P', endpoint }]);
    expect(pieces).toEqual(['Hello ', 'hmm', '{"x":1}']);

    const seen: EngineEvent[] = [];
    const broken = new Relay({
      id: 'gen-2', created: 1, sink: (ev) => void seen.push(ev),
      watcher: { serving: () => { throw new Error('journal broke'); }, relayed: () => { throw new Error('journal broke'); } },
    });
    broken.commit('a/b', 'P', endpoint);
    broken.handle({ type: 'text', text: 'still here' });
    expect(broken.text()).toBe('still here');
    expect(seen.map((e) => e.type)).toEqual(['start', 'text']);
  });
});
