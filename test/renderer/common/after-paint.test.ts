import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../renderer/common/after-paint';

afterEach(() => vi.unstubAllGlobals());

describe('afterNextPaint', () => {
  it('resolves after the next animation frame, without waiting for its limit', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    let done = false;
    const p = afterNextPaint(60_000).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false); // no frame yet
    frames[0]!(performance.now());
    await p;
    expect(done).toBe(true);
  });

  it('gives up waiting after its limit when no frame is drawn (a hidden window)', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const started = performance.now();
    await afterNextPaint(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});
