import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, openRoomWith, settled, type Harness } from '../support/room-harness';
import { useRoom } from '../../../renderer/common/room/room-store';
import { usePalette } from '../../../renderer/common/palette-store';
import { useFirstRun } from '../../../renderer/common/first-run-store';
import { listAssistants } from '../../../renderer/assistants/store';
import { updateColumn } from '../../../renderer/chat/state/actions';

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000 });
});
beforeEach(() => {
  resetPage();
  useRoom.setState({ draftAssistant: null });
  usePalette.setState({ open: false });
  // the harness has no key of its own, so a new chat would open on the first run: these tests start past it
  useFirstRun.setState({ skipped: true });
});
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
});

describe('assistants in the room and on the new-chat page', { timeout: 120_000 }, () => {
  it('saves the room from its bar, then lists, duplicates, deletes with undo and starts it', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta']);
    await screen.findByRole('group', { name: 'Column beta' });
    const [alpha] = useRoom.getState().draftColumns;
    await updateColumn(alpha!.id, { settings: { systemPrompt: 'Only haiku.', maxTokens: 200 } });
    await user.click(screen.getByRole('checkbox', { name: 'Blind' }));
    await user.click(screen.getByRole('button', { name: 'Save as assistant' }));
    const name = screen.getByRole('textbox', { name: 'Assistant name' });
    await user.clear(name);
    await user.type(name, 'Haiku pair{Enter}');
    expect(await screen.findByText('Saved “Haiku pair”')).toBeTruthy();
    const [saved] = await listAssistants();
    expect(saved).toMatchObject({ name: 'Haiku pair', blind: true, columns: [{ model: 'test/alpha', settings: { systemPrompt: 'Only haiku.', maxTokens: 200 } }, { model: 'test/beta', settings: {} }] });

    // the new-chat page (a draft without models) lists it
    useRoom.setState({ draftColumns: [], draftBlind: false });
    const mine = await screen.findByRole('list', { name: 'Your assistants' });
    expect(within(mine).getByText('test/alpha, test/beta · blind')).toBeTruthy();
    await user.click(within(mine).getByRole('button', { name: 'Duplicate Haiku pair' }));
    await within(mine).findByRole('button', { name: 'Start Haiku pair (copy)' });
    await user.click(within(mine).getByRole('button', { name: 'Delete Haiku pair (copy)' }));
    expect(await screen.findByText('Deleted “Haiku pair (copy)”.')).toBeTruthy();
    await waitFor(() => expect(within(mine).queryByRole('button', { name: 'Start Haiku pair (copy)' })).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await within(mine).findByRole('button', { name: 'Start Haiku pair (copy)' });

    await user.click(within(mine).getByRole('button', { name: 'Start Haiku pair' }));
    await screen.findByRole('group', { name: 'Column beta' });
    expect(useRoom.getState().draftColumns.map((c) => [c.model, c.settings])).toEqual([
      ['test/alpha', { systemPrompt: 'Only haiku.', maxTokens: 200 }],
      ['test/beta', {}],
    ]);
    expect((screen.getByRole('checkbox', { name: 'Blind' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByLabelText('Assistant').textContent).toBe('Haiku pair');
  });

  it('refuses a broken assistant file on import, saying why', async () => {
    const user = userEvent.setup({ applyAccept: false });
    openRoomWith([]);
    await screen.findByRole('heading', { name: 'Assistants' });
    await user.upload(screen.getByLabelText('Import an assistant file') as HTMLInputElement, new File(['{"format":"parley-assistant","version":1,"assistant":{"name":"X","columns":[]}}'], 'x.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This assistant file has invalid data: assistant.columns: an assistant needs at least one model. Nothing was imported.');
    expect(await listAssistants()).toEqual([]);
  });
});
