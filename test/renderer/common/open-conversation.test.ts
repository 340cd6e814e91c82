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

/** `n` prompts in a conversation, written in one bulk write (copies of one appended row, in seq order, each with its own search number). */
async function seedPrompts(db: Awaited<ReturnType<typeof freshDb>>['db'], conversationId: string, n: number, tag: string) {
  const first = await appendUserMessage(conversationId, { content: `${tag} 0` });
  const rows = Array.from({ length: n - 1 }, (_, i) => ({ ...first, id: `${first.id}-${i + 1}`, seq: first.seq + i + 1, dn: first.dn! + i + 1, content: `${tag} ${i + 1}` }));
  await db.messages.bulkAdd(rows);
}

describe('reading the rest of a long conversation', () => {
  it('reads it a page at a time and loses no row at the pages’ edges (exactly two full pages)', async () => {
    const { db } = await freshDb();
    const conv = await newConversation();
    await seedPrompts(db, conv.id, 2000, 'prompt');
    const reads = vi.spyOn(db.messages, 'where');
    await openConversation(conv.id);
    const state = useRoom.getState();
    expect(state.loaded).toBe('full');
    expect(state.messages.size).toBe(2000);
    expect(new Set([...state.messages.values()].map((m) => m.content)).size).toBe(2000);
    // the first window, then pages of 1,000 rows and the empty page that ends them
    expect(reads).toHaveBeenCalledTimes(4);
  });

  it('stops reading when another room is opened meanwhile, and shows that room', async () => {
    const { db } = await freshDb();
    const short = await newConversation();
    await appendUserMessage(short.id, { content: 'short one' });
    const long = await newConversation();
    await seedPrompts(db, long.id, 1500, 'long');
    // the user clicks the short room once the long one's latest turns are shown, while the rest is being read
    let switched: Promise<void> | null = null;
    const off = useRoom.subscribe((s) => {
      if (!switched && s.openId === long.id && s.loaded === 'partial') switched = openConversation(short.id);
    });
    try {
      await openConversation(long.id);
      await switched;
    } finally {
      off();
    }
    expect(switched).not.toBeNull();
    const state = useRoom.getState();
    expect(state.openId).toBe(short.id);
    expect([...state.messages.values()].map((m) => m.content)).toEqual(['short one']);
  });
});
