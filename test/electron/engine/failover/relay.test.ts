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
});
