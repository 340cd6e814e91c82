import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, cleanup, within, waitFor } from '@testing-library/react';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { freshDb } from '../../support/history-db';
import { useRoom } from '../../../../renderer/common/room/room-store';
import { listAllMessages } from '../../../../renderer/history/db/messages';

// Issue 12: an answer that finishes while the disk is full is kept in memory, shown as finished, and saved by
// itself once there is room again — without a reload, and closing the page meanwhile asks first.

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 150 });
});
beforeEach(() => resetPage());
afterEach(async () => {
  h.backend.streams!.stop();
  cleanup();
});

const unloadIsRefused = () => {
  const ev = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(ev);
  return ev.defaultPrevented;
};

describe('an answer that finishes on a full disk', { timeout: 30_000 }, () => {
  it('stops streaming on screen, is kept in memory, and is saved once space returns', async () => {
    const { faults } = await freshDb();
    openRoomWith(['test/alpha']);
    await sendPrompt('[long 60] tell a story');
    const answer = await screen.findByRole('article', { name: 'Answer from alpha' }, { timeout: 5000 });
    await within(answer).findByText(/w5 /, {}, { timeout: 5000 });
    faults.failWrites('messages'); // the disk is full from now on
    await waitFor(() => expect(h.backend.streams!.active().every((s) => s.status === 'done')).toBe(true), { timeout: 10_000 });

    // the stream is over: the column and the composer say so, the answer says it is not saved yet
    await waitFor(() => expect(screen.queryByLabelText('Streaming')).toBeNull());
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Stop/ })).toBeNull();
    expect(await within(answer).findByText(/Not saved yet/)).toBeTruthy();
    expect(within(answer).getByText(/w59/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/storage is full/);
    // nothing is lost: main keeps the stream until the page stored it, and closing the page asks first
    expect(h.backend.streams!.active()).toHaveLength(1);
    const convId = useRoom.getState().openId!;
    expect((await listAllMessages(convId)).find((m) => m.role === 'assistant')!.status).toBe('streaming');
    expect(unloadIsRefused()).toBe(true);

    // space returns; coming back to the window retries at once (otherwise the next retry would, within seconds)
    faults.clear();
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(within(answer).queryByText(/Not saved yet/)).toBeNull(), { timeout: 10_000 });
    await settled(h);
    const stored = (await listAllMessages(convId)).find((m) => m.role === 'assistant')!;
    expect(stored.status).toBe('done');
    expect(stored.content).toMatch(/w59/);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(unloadIsRefused()).toBe(false);
  });
});
