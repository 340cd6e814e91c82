import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { render, screen, cleanup, within, waitFor, fireEvent } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage } from '../../support/room-harness';
import { App } from '../../../../renderer/app/App';
import { createConversation } from '../../../../renderer/history/db/conversations';
import { getParleyDb } from '../../../../renderer/history/db/database';
import { useOrganise, useUndoNotice } from '../../../../renderer/history/folders/organise-store';
import { NO_FILTER } from '../../../../renderer/history/folders/list-filter';
import { DRAG_TYPE } from '../../../../renderer/history/folders/drag';

// The sidebar organises conversations: folders (create, rename, delete with undo, move by menu or by drag),
// archive, multi-select with bulk actions, and filters by folder, model and date.

const DAY = 86_400_000;

beforeAll(() => void createHarness());
beforeEach(async () => {
  resetPage();
  useOrganise.setState({ folders: [], filter: NO_FILTER, selected: new Set(), anchor: null });
  useUndoNotice.setState({ notice: null });
  const now = Date.now();
  await createConversation({ id: 'c-cats', title: 'Cats', columns: [{ id: 'a', model: 'openai/gpt-5', settings: {} }], now: now - 1000 });
  await createConversation({ id: 'c-dogs', title: 'Dogs', columns: [{ id: 'a', model: 'anthropic/claude-sonnet-4.5', settings: {} }], now: now - 2000 });
  await createConversation({ id: 'c-owls', title: 'Owls', columns: [{ id: 'a', model: 'openai/gpt-5', settings: {} }], now: now - 10 * DAY });
});
afterEach(() => cleanup());

const list = () => screen.getByRole('list', { name: 'Conversation list' });
const titles = () => within(list()).queryAllByRole('button', { name: /^(Cats|Dogs|Owls)/ }).map((b) => b.textContent!.match(/^(Cats|Dogs|Owls)/)![1]);
const row = (title: string) => within(list()).getByRole('button', { name: new RegExp(`^${title}`) });

async function createFolderNamed(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('button', { name: 'New folder' }));
  await user.keyboard(`${name}{Enter}`);
  await screen.findByRole('button', { name: name });
}

describe('sidebar folders', { timeout: 30_000 }, () => {
  it('creates a folder, moves a conversation into it from the row menu, and shows only its conversations', async () => {
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(titles()).toEqual(['Cats', 'Dogs', 'Owls']));
    await createFolderNamed(user, 'Pets');

    await user.click(screen.getByRole('button', { name: 'Actions for Dogs' }));
    await user.click(screen.getByRole('menuitem', { name: 'Move to folder…' }));
    await user.click(screen.getByRole('menuitemradio', { name: 'Pets' }));
    await waitFor(async () => expect((await getParleyDb().conversations.get('c-dogs'))!.folderId).toBeTruthy());

    await user.click(screen.getByRole('button', { name: /^Pets/ }));
    await waitFor(() => expect(titles()).toEqual(['Dogs']));
    await user.click(screen.getByRole('button', { name: 'All conversations' }));
    expect(titles()).toEqual(['Cats', 'Dogs', 'Owls']);

    // a name already taken is refused with a reason, and nothing is lost
    await user.click(screen.getByRole('button', { name: 'New folder' }));
    await user.keyboard('pets{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('A folder named “pets” already exists.');
    expect(await getParleyDb().folders.count()).toBe(1);
  });

  it('renames and deletes a folder; its conversations go back to no folder, and Undo restores both', async () => {
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(titles()).toHaveLength(3));
    await createFolderNamed(user, 'Pets');
    await user.click(screen.getByRole('button', { name: 'Actions for Cats' }));
    await user.click(screen.getByRole('menuitem', { name: 'Move to folder…' }));
    await user.click(screen.getByRole('menuitemradio', { name: 'Pets' }));

    await user.click(screen.getByRole('button', { name: 'Rename folder Pets' }));
    const field = screen.getByRole('textbox', { name: 'New name for folder Pets' });
    await user.clear(field);
    await user.type(field, 'Animals{Enter}');
    await screen.findByRole('button', { name: /^Animals/ });

    await user.click(screen.getByRole('button', { name: 'Delete folder Animals' }));
    await screen.findByText(/Deleted folder “Animals”; 1 conversation moved to no folder\./);
    expect(screen.queryByRole('button', { name: /^Animals/ })).toBeNull();
    expect((await getParleyDb().conversations.get('c-cats'))!.folderId).toBeUndefined();
    expect(titles()).toEqual(['Cats', 'Dogs', 'Owls']);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await user.click(await screen.findByRole('button', { name: /^Animals/ }));
    await waitFor(() => expect(titles()).toEqual(['Cats']));
  });

  it('moves a conversation dropped on a folder', async () => {
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(titles()).toHaveLength(3));
    await createFolderNamed(user, 'Pets');
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (t: string, v: string) => data.set(t, v),
      getData: (t: string) => data.get(t) ?? '',
      get types() {
        return [...data.keys()];
      },
      effectAllowed: 'all',
      dropEffect: 'none',
    };
    fireEvent.dragStart(row('Owls').closest('li')!, { dataTransfer });
    const target = screen.getByRole('button', { name: /^Pets/ }).closest('li')!;
    fireEvent.dragOver(target, { dataTransfer });
    fireEvent.drop(target, { dataTransfer });
    await waitFor(async () => expect((await getParleyDb().conversations.get('c-owls'))!.folderId).toBe(useOrganise.getState().folders[0]!.id));
    expect(JSON.parse(data.get(DRAG_TYPE)!)).toEqual(['c-owls']);
  });
});

describe('multi-select and bulk actions', { timeout: 30_000 }, () => {
  it('selects with Space and Shift+arrows, archives together, and shows them under Archived', async () => {
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(titles()).toHaveLength(3));
    row('Cats').focus();
    await user.keyboard(' ');
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(document.activeElement).toBe(row('Dogs'));
    expect(within(screen.getByRole('toolbar', { name: 'Selected conversations' })).getByText('2 selected')).toBeTruthy();
    // Space selected instead of opening the conversation
    expect(row('Cats').getAttribute('aria-current')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Archive 2 selected' }));
    await waitFor(() => expect(titles()).toEqual(['Owls']));
    expect(screen.queryByRole('toolbar', { name: 'Selected conversations' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Archived' }));
    await waitFor(() => expect(titles()).toEqual(['Cats', 'Dogs']));
    expect(await getParleyDb().conversations.where('archived').equals(1).count()).toBe(2);

    await user.click(screen.getByRole('button', { name: 'Actions for Dogs' }));
    await user.click(screen.getByRole('menuitem', { name: 'Unarchive' }));
    await waitFor(() => expect(titles()).toEqual(['Cats']));
  });

  it('selects with Ctrl- and Shift-click, deletes together, and Undo brings them all back', async () => {
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(titles()).toHaveLength(3));
    await user.keyboard('{Control>}');
    await user.click(row('Cats'));
    await user.click(row('Owls'));
    await user.keyboard('{/Control}');
    expect(screen.getByText('2 selected')).toBeTruthy();
    await user.click(row('Owls'));
    expect(screen.queryByText('2 selected')).toBeNull(); // a plain click opens it and ends the selection
    await user.keyboard('{Control>}');
    await user.click(row('Cats'));
    await user.keyboard('{/Control}{Shift>}');
    await user.click(row('Owls'));
    await user.keyboard('{/Shift}');
    expect(screen.getByText('3 selected')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Delete 3 selected' }));
    await screen.findByText('Deleted 3 conversations.');
    expect(within(screen.getByLabelText('Conversation list')).queryAllByRole('button', { name: /^(Cats|Dogs|Owls)/ })).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()).toEqual(['Cats', 'Dogs', 'Owls']));
    expect(await getParleyDb().conversations.filter((c) => c.deletedAt !== undefined).count()).toBe(0);
  });
});

describe('sidebar filters', { timeout: 30_000 }, () => {
  it('filters by model used and by date range', async () => {
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(titles()).toHaveLength(3));
    // the choices are listed once the menu is in use (the sidebar names no model while it sits idle)
    expect(screen.getByRole('combobox', { name: 'Filter by model' }).textContent).toBe('Any model');
    await user.click(screen.getByRole('combobox', { name: 'Filter by model' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by model' }), 'openai/gpt-5');
    expect(titles()).toEqual(['Cats', 'Owls']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by date' }), 'Last 7 days');
    expect(titles()).toEqual(['Cats']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by model' }), 'Any model');
    expect(titles()).toEqual(['Cats', 'Dogs']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by date' }), 'Custom…');
    const day = (ms: number) => new Date(ms).toLocaleDateString('sv-SE');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: day(Date.now() - 12 * DAY) } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: day(Date.now() - 5 * DAY) } });
    expect(titles()).toEqual(['Owls']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Filter by date' }), 'Any date');
    expect(titles()).toEqual(['Cats', 'Dogs', 'Owls']);
  });
});
