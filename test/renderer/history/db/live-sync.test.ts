import { describe, it, expect, afterEach } from 'vitest';
import { waitFor } from '@testing-library/react';
import { ParleyDb, setParleyDb } from '../../../../renderer/history/db/database';
import { appendUserMessage } from '../../../../renderer/history/db/messages';
import type { HistoryChange } from '../../../../renderer/history/db/change-feed';
import { openConversation, refreshConversations, useRoom } from '../../../../renderer/common/room/room-store';
import { startHistorySync } from '../../../../renderer/chat/state/history-sync';
import { freshDb, newConversation, settle } from '../../support/history-db';

// Two windows on the same profile: two connections to one IndexedDB database. What one writes, the other hears
// once it is committed, and shows.

const stops: (() => void)[] = [];
afterEach(() => {
  for (const s of stops.splice(0)) s();
});

async function secondWindow(name: string): Promise<ParleyDb> {
  const db = new ParleyDb(name);
  await db.open();
  stops.push(() => db.close());
  return db;
}

describe('live sync between windows', () => {
  it('tells the other window which conversations and messages a committed write touched, and not itself', async () => {
    const { db: a, name } = await freshDb();
    const b = await secondWindow(name);
    const heard: HistoryChange[] = [];
    const ownHeard: HistoryChange[] = [];
    stops.push(b.changes.onRemoteChange((c) => heard.push(c)), a.changes.onRemoteChange((c) => ownHeard.push(c)));
    const conv = await newConversation('Plans');
    const prompt = await appendUserMessage(conv.id, { content: 'hello' });
    await waitFor(() => expect(heard).toHaveLength(2));
    expect(heard[0]).toEqual({ conversations: [conv.id], messages: [], deletedMessages: [], everything: false });
    expect(heard[1]).toMatchObject({ conversations: [conv.id], messages: [{ id: prompt.id, conversationId: conv.id }] });
    expect(ownHeard).toEqual([]);
  });

  it('announces nothing for a write that rolled back', async () => {
    const { db: a, name } = await freshDb();
    const b = await secondWindow(name);
    const heard: HistoryChange[] = [];
    stops.push(b.changes.onRemoteChange((c) => heard.push(c)));
    const conv = await newConversation('Plans');
    await waitFor(() => expect(heard).toHaveLength(1));
    await expect(
      a.transaction('rw', a.conversations, async () => {
        await a.conversations.put({ ...conv, title: 'Never' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await settle(40);
    expect(heard).toHaveLength(1);
  });

  it('shows in the other window a conversation renamed, answered and deleted elsewhere', async () => {
    const { db: a, name } = await freshDb();
    const conv = await newConversation('Old title');
    const b = await secondWindow(name);
    setParleyDb(b); // this test's room-store is window B's
    useRoom.setState({ conversations: [], conversationsLoaded: false, openId: null, conversation: null, messages: new Map(), loaded: 'none', draftColumns: [] });
    await refreshConversations();
    await openConversation(conv.id);
    stops.push(startHistorySync());

    await a.conversations.put({ ...conv, title: 'New title', updatedAt: conv.updatedAt + 1 });
    await waitFor(() => expect(useRoom.getState().conversation?.title).toBe('New title'));
    expect(useRoom.getState().conversations.map((c) => c.title)).toEqual(['New title']);

    setParleyDb(a);
    const prompt = await appendUserMessage(conv.id, { content: 'written in window A' });
    setParleyDb(b);
    await waitFor(() => expect(useRoom.getState().messages.get(prompt.id)?.content).toBe('written in window A'));

    const latest = (await a.conversations.get(conv.id))!;
    await a.conversations.put({ ...latest, deletedAt: Date.now() });
    await waitFor(() => expect(useRoom.getState().conversations).toEqual([]));
    expect(useRoom.getState().openId).toBeNull();
  });
});
