import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { render, screen, cleanup, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage } from '../support/room-harness';
import { getSetting } from '../../../renderer/history/db/settings';
import { useSidebar } from '../../../renderer/app/sidebar/sidebar-state';
import { App } from '../../../renderer/app/App';

// The sidebar folds to a rail of named icon buttons (button or Ctrl+B), stays folded after a restart, and marks
// the view that is open.

beforeAll(() => void createHarness());
beforeEach(() => {
  resetPage();
  useSidebar.setState({ collapsed: false });
});
afterEach(() => cleanup());

describe('the sidebar', { timeout: 30_000 }, () => {
  it('folds and unfolds by its button and by Ctrl+B, and remembers it', async () => {
    const user = userEvent.setup();
    render(<App />);
    const fold = screen.getByRole('button', { name: 'Collapse the sidebar' });
    expect(fold.getAttribute('aria-keyshortcuts')).toBe('Control+B');
    expect(fold.getAttribute('title')).toContain('Ctrl+B');
    expect(screen.getByRole('heading', { name: 'Conversations' })).toBeTruthy();

    await user.click(fold);
    expect(screen.queryByRole('heading', { name: 'Conversations' })).toBeNull();
    const unfold = screen.getByRole('button', { name: 'Expand the sidebar' });
    expect(unfold.getAttribute('aria-expanded')).toBe('false');
    // the rail keeps every place reachable, each icon with a name and a tooltip
    for (const name of ['New chat', 'Activity', 'Leaderboard', 'Settings']) expect(screen.getByRole('button', { name }).getAttribute('title')).toMatch(name);
    await waitFor(async () => expect(await getSetting('ui.sidebarCollapsed')).toBe(true));

    // a restart: the state comes back from storage
    cleanup();
    useSidebar.setState({ collapsed: false });
    render(<App />);
    expect(await screen.findByRole('button', { name: 'Expand the sidebar' })).toBeTruthy();

    await user.keyboard('{Control>}b{/Control}');
    expect(screen.getByRole('button', { name: 'Collapse the sidebar' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Conversations' })).toBeTruthy();
    await waitFor(async () => expect(await getSetting('ui.sidebarCollapsed')).toBe(false));
  });

  it('marks the open view with aria-current', async () => {
    const user = userEvent.setup();
    render(<App />);
    const current = () => ['Activity', 'Leaderboard', 'Settings'].filter((n) => screen.getByRole('button', { name: n }).getAttribute('aria-current') === 'page');
    expect(current()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Activity' }));
    expect(current()).toEqual(['Activity']);
    await user.click(screen.getByRole('button', { name: 'Leaderboard' }));
    expect(current()).toEqual(['Leaderboard']);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(current()).toEqual(['Settings']);
  });
});
