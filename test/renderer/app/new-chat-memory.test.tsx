import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { render, screen, cleanup, waitFor, within, act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../support/room-harness';
import { useRoom } from '../../../renderer/common/room/room-store';
import { startDraft } from '../../../renderer/chat/state/actions';
import { useUi } from '../../../renderer/common/ui-store';
import { getSetting } from '../../../renderer/history/db/settings';
import { stopStreamSyncForTests } from '../../../renderer/chat/state/stream-sync';
import { liveAnswers } from '../../../renderer/common/room/live-answers';
import { App } from '../../../renderer/app/App';

// A new chat whose models were chosen but never sent is still there after a restart; and a room that opens puts
// the focus in the prompt box.

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000 });
});
beforeEach(() => resetPage());
afterEach(async () => {
  await settled(h);
  cleanup();
});

function restart() {
  cleanup();
  stopStreamSyncForTests();
  liveAnswers.reset();
  useRoom.setState({ conversations: [], conversationsLoaded: false, openId: null, conversation: null, messages: new Map(), loaded: 'none', draftColumns: [] });
  useUi.setState({ view: { kind: 'room', conversationId: null } });
  render(<App />);
}

const draftModels = () => useRoom.getState().draftColumns.map((c) => c.model);

describe('a new chat not sent yet', { timeout: 30_000 }, () => {
  it('reopens with its models after a restart', async () => {
    render(<App />); // the user picks the models in the running app
    await screen.findByRole('textbox', { name: 'Prompt' });
    act(() => startDraft([{ model: 'test/alpha', settings: {} }, { model: 'test/beta', settings: {} }]));
    await waitFor(async () => expect((await getSetting<{ model: string }[]>('ui.draftColumns'))?.map((c) => c.model)).toEqual(['test/alpha', 'test/beta']));
    restart();
    await waitFor(() => expect(draftModels()).toEqual(['test/alpha', 'test/beta']));
    // each column is shown with its own menu (Column settings, Model, Remove)
    expect(await screen.findByRole('button', { name: 'Column menu for alpha' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Column menu for beta' })).toBeTruthy();
  });

  it('forgets them once the prompt is sent', async () => {
    render(<App />);
    await screen.findByRole('textbox', { name: 'Prompt' });
    act(() => startDraft([{ model: 'test/alpha', settings: {} }]));
    await waitFor(async () => expect(await getSetting('ui.draftColumns')).toBeTruthy());
    await sendPrompt('Hello');
    await within(await screen.findByRole('article', { name: 'Answer from alpha' }, { timeout: 5000 })).findByText(/to "Hello"/, {}, { timeout: 5000 });
    await waitFor(async () => expect(await getSetting('ui.draftColumns')).toBeUndefined());
  });
});

describe('focus when a room opens', { timeout: 30_000 }, () => {
  it('starts in the prompt box, and goes back there when a room is opened', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha']);
    const box = await screen.findByRole('textbox', { name: 'Prompt' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'New chat' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Prompt' })));
  });
});
