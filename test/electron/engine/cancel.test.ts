import { describe, expect, it } from 'vitest';
import { Canceller } from '../../../electron/engine/cancel';

describe('Canceller', () => {
  it('runs each listener once on abort, in order, and never again', () => {
    const c = new Canceller();
    const calls: string[] = [];
    c.addEventListener('abort', () => calls.push('a'), { once: true });
    c.addEventListener('abort', () => calls.push('b'));
    expect(c.aborted).toBe(false);
    c.abort();
    c.abort();
    expect(c.aborted).toBe(true);
    expect(calls).toEqual(['a', 'b']);
  });

  it('a removed listener does not run; one added after the abort never runs (as with an AbortSignal)', () => {
    const c = new Canceller();
    const signal = new AbortController();
    const calls: string[] = [];
    const removed = () => calls.push('removed');
    c.addEventListener('abort', removed);
    c.removeEventListener('abort', removed);
    c.abort();
    signal.abort();
    c.addEventListener('abort', () => calls.push('late canceller'));
    signal.signal.addEventListener('abort', () => calls.push('late signal'));
    expect(calls).toEqual([]);
  });
});
