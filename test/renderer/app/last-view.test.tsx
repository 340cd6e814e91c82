import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { render, screen, cleanup, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../support/room-harness';
import { useRoom } from '../../../renderer/common/room/room-store';
import { useUi } from '../../../renderer/common/ui-store';
import { getSetting, setSetting } from '../../../renderer/history/db/settings';
import { stopStreamSyncForTests } from '../../../renderer/chat/state/stream-sync';
import { liveAnswers } from '../../../renderer/common/room/live-answers';
import { App } from '../../../renderer/app/App';

// A reload or a restart: memory is gone, the database is not. The app opens where the user left.

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000 });
});
beforeEach(() => resetPage());
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
  cleanup();
});

function freshStart() {
  cleanup();
  stopStreamSyncForTests();
  liveAnswers.reset();
  useRoom.setState({ conversations: [], conversationsLoaded: false, openId: null, conversation: null, messages: new Map(), loaded: 'none', draftColumns: [] });
  useUi.setState({ view: { kind: 'room', conversationId: null } });
  render(<App />);
}

describe('coming back after a reload or a restart', { timeout: 30_000 }, () => {
  it('opens the room the user was in, with its branch selection', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha']);
    await sendPrompt('Remember me');
    await within(await screen.findByRole('article', { name: 'Answer from alpha' }, { timeout: 5000 })).findByText(/to "Remember me"/, {}, { timeout: 5000 });
    await settled(h);
    await user.click(screen.getByRole('button', { name: 'Regenerate alpha' }));
    await waitFor(() => expect(screen.getByText('2/2')).toBeTruthy(), { timeout: 5000 });
    await settled(h);
    await user.click(screen.getByRole('button', { name: 'Previous answer' }));
    await waitFor(() => expect(screen.getByText('1/2')).toBeTruthy());
    const id = useRoom.getState().openId!;
    await waitFor(async () => expect(await getSetting('ui.lastView')).toEqual({ kind: 'room', conversationId: id }));

    freshStart();
    expect(await screen.findByRole('heading', { name: 'Remember me' }, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByText('1/2')).toBeTruthy();
    expect(useUi.getState().view).toEqual({ kind: 'room', conversationId: id });
  });

  it('opens Settings again when the user was there', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(within(await screen.findByRole('navigation', { name: 'Settings sections' })).getByRole('button', { name: 'Local API' }));
    await waitFor(async () => expect(await getSetting('ui.lastView')).toEqual({ kind: 'settings', section: 'local-api' }));
    freshStart();
    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Local API', level: 2 })).toBeTruthy();
  });

  it('starts on a new chat when the room it was in has been deleted', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha']);
    await sendPrompt('Short-lived');
    await within(await screen.findByRole('article', { name: 'Answer from alpha' }, { timeout: 5000 })).findByText(/to "Short-lived"/, {}, { timeout: 5000 });
    await settled(h);
    const id = useRoom.getState().openId!;
    await user.click(screen.getByRole('button', { name: 'Delete conversation Short-lived' }));
    await waitFor(() => expect(useRoom.getState().openId).toBeNull());
    await setSetting('ui.lastView', { kind: 'room', conversationId: id }); // as if another window deleted it
    freshStart();
    expect(await screen.findByRole('region', { name: 'Room: New chat' })).toBeTruthy();
    expect(useUi.getState().view).toEqual({ kind: 'room', conversationId: null });
  });
});
