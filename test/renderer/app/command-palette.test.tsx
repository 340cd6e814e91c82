import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, openRoomWith, settled, type Harness } from '../support/room-harness';
import { usePalette } from '../../../renderer/common/palette-store';
import { useRoom } from '../../../renderer/common/room/room-store';
import { useUi } from '../../../renderer/common/ui-store';
import { useFirstRun } from '../../../renderer/common/first-run-store';
import { saveAssistant } from '../../../renderer/assistants/store';
import { rankCommands } from '../../../renderer/app/palette/rank';

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000 });
});
beforeEach(() => {
  resetPage();
  useRoom.setState({ draftAssistant: null });
  usePalette.setState({ open: false });
});
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
});

const palette = () => screen.findByRole('dialog', { name: 'Command palette' });
const activeOption = (box: HTMLElement) => document.getElementById(box.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '';

describe('command palette', { timeout: 30_000 }, () => {
  it('opens with Ctrl+K, lists every action with its shortcut, moves with the arrows and closes with Escape', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha']);
    const prompt = await screen.findByRole('textbox', { name: 'Prompt' });
    prompt.focus();
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await palette();
    const box = within(dialog).getByRole('combobox', { name: 'Type a command' });
    expect(document.activeElement).toBe(box);
    const list = within(dialog).getByRole('listbox', { name: 'Commands' });
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    const titles = within(list).getAllByRole('option').map((o) => o.textContent);
    for (const t of ['Add a model', 'New chat', 'Turn blind mode on', 'Open Activity', 'Open Leaderboard', 'Settings: Providers', 'Settings: Money', 'Search conversations', 'Collapse the sidebar', 'Theme: dark', 'Export all conversations']) {
      expect(titles.some((x) => x?.startsWith(t))).toBe(true);
    }
    expect(within(list).getByRole('option', { name: /New chat.*Ctrl\+N/ })).toBeTruthy();
    expect(within(list).getByRole('option', { name: /Collapse the sidebar.*Ctrl\+B/ })).toBeTruthy();

    expect(activeOption(box)).toMatch(/^Add a model/);
    await user.keyboard('{ArrowDown}');
    expect(activeOption(box)).toMatch(/^New chat/);
    await user.keyboard('{ArrowUp}{ArrowUp}'); // wraps to the last
    expect(activeOption(box)).toBe(titles[titles.length - 1]);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull());
    expect(document.activeElement).toBe(prompt);

    await user.keyboard('{Control>}{Shift>}p{/Shift}{/Control}');
    expect(await palette()).toBeTruthy();
    await user.keyboard('{Control>}k{/Control}'); // the same keys close it
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull());
  });

  it('"add model" then Enter opens the model picker; a typo still finds blind mode; settings sections open', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha']);
    await screen.findByRole('textbox', { name: 'Prompt' });
    await user.keyboard('{Control>}k{/Control}');
    await user.type(within(await palette()).getByRole('combobox'), 'add model{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Add a model' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a model' })).toBeNull());

    expect((screen.getByRole('checkbox', { name: 'Blind' }) as HTMLInputElement).checked).toBe(false);
    await user.keyboard('{Control>}k{/Control}');
    await user.type(within(await palette()).getByRole('combobox'), 'blnd{Enter}');
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Blind' }) as HTMLInputElement).checked).toBe(true));

    await user.keyboard('{Control>}k{/Control}');
    const box = within(await palette()).getByRole('combobox');
    await user.type(box, 'zzzzqqq');
    expect(within(await palette()).getByText('No command matches “zzzzqqq”.')).toBeTruthy();
    await user.clear(box);
    await user.type(box, 'settings money{Enter}');
    await waitFor(() => expect(useUi.getState().view).toEqual({ kind: 'settings', section: 'money' }));
  });

  it('starts a new chat from a saved assistant', async () => {
    const user = userEvent.setup();
    await saveAssistant({ id: 'asst_pal', name: 'Poet pair', systemPrompt: 'Rhyme.', columns: [{ model: 'test/alpha', settings: {} }, { model: 'test/beta', settings: { temperature: 0.5 } }], blind: true, createdAt: 1, updatedAt: 1 });
    useFirstRun.setState({ skipped: true }); // no key and no model here: a newcomer would see the first run
    openRoomWith([]);
    await screen.findByRole('heading', { name: 'Talk to many models at once' });
    await user.keyboard('{Control>}k{/Control}');
    await user.type(within(await palette()).getByRole('combobox'), 'poet{Enter}');
    await waitFor(() => expect(useRoom.getState().draftColumns.map((c) => c.model)).toEqual(['test/alpha', 'test/beta']));
    const s = useRoom.getState();
    expect(s.draftColumns.map((c) => c.settings)).toEqual([{ systemPrompt: 'Rhyme.' }, { temperature: 0.5, systemPrompt: 'Rhyme.' }]);
    expect(s.draftBlind).toBe(true);
    expect(s.draftAssistant?.assistant).toEqual({ id: 'asst_pal', name: 'Poet pair' });
    expect(await screen.findByLabelText('Assistant')).toHaveProperty('textContent', 'Poet pair');
  });
});

describe('rankCommands', () => {
  const cmds = [{ title: 'New chat' }, { title: 'Add a model', keywords: 'column' }, { title: 'New chat with Model zoo' }, { title: 'Turn blind mode on' }];
  it('puts titles holding every word first, then keyword matches, then fuzzy ones', () => {
    expect(rankCommands(cmds, 'add model')[0]!.title).toBe('Add a model');
    expect(rankCommands(cmds, 'column').map((c) => c.title)).toEqual(['Add a model']);
    expect(rankCommands(cmds, 'blnd')[0]!.title).toBe('Turn blind mode on');
    expect(rankCommands(cmds, '')).toEqual(cmds);
  });
});
