import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendUserMessage } from '../../../renderer/history/db/messages';
import { openConversation, useRoom } from '../../../renderer/common/room/room-store';
import { freshDb, newConversation } from '../support/history-db';

afterEach(() => vi.unstubAllGlobals());

describe('opening a long conversation', () => {
  it('shows its latest turns, lets the page paint them, and only then reads the rest', async () => {
    await freshDb();
    const conv = await newConversation();
    for (let i = 0; i < 130; i++) await appendUserMessage(conv.id, { content: `prompt ${i}` });
    const seen: string[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
      seen.push('frame');
      setTimeout(() => cb(performance.now()), 0);
      return 1;
    });
    const off = useRoom.subscribe((s, prev) => {
      if (s.loaded !== prev.loaded && s.loaded !== 'none') seen.push(`${s.loaded} ${s.messages.size}`);
    });
    try {
      await openConversation(conv.id);
    } finally {
      off();
    }
    expect(seen).toEqual(['partial 120', 'frame', 'full 130']);
    expect([...useRoom.getState().messages.values()].some((m) => m.content === 'prompt 0')).toBe(true);
  });
});
