import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { screen, cleanup, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage, openRoomWith, sendPrompt, settled, type Harness } from '../../support/room-harness';

// An answer's actions as one compact icon toolbar: named as the text buttons were, with tooltips, reachable by Tab;
// while answers stream, one Stop per answer and the room's "Stop all", and a turn line that says what it knows.

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

const answer = (name: string) => screen.findByRole('article', { name: `Answer from ${name}` }, { timeout: 5000 });

describe('answer toolbar', { timeout: 30_000 }, () => {
  it('is one row of icon buttons with the old names as accessible names and tooltips, reached by Tab in order', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta']);
    await sendPrompt('hello');
    const cell = await answer('alpha');
    await within(cell).findByLabelText('Answer details', {}, { timeout: 5000 });
    await settled(h);

    const toolbar = within(cell).getByRole('toolbar', { name: 'Actions for the answer from alpha' });
    const buttons = within(toolbar).getAllByRole('button');
    expect(buttons.map((b) => [b.getAttribute('aria-label'), b.getAttribute('title')])).toEqual([
      ['Copy answer from alpha', 'Copy'],
      ['Regenerate alpha', 'Regenerate'],
      ['Continue with this answer from alpha', 'Continue with this'],
      ['Delete answer from alpha', 'Delete'],
    ]);
    // icons, not words: no text of their own, an svg each
    for (const b of buttons) {
      expect(b.textContent).toBe('');
      expect(b.querySelector('svg')).not.toBeNull();
    }

    // keyboard: from "Explain this cost" on the figures line, Tab walks the toolbar
    within(cell).getByRole('button', { name: 'Explain this cost' }).focus();
    const reached: string[] = [];
    for (let i = 0; i < 4; i++) {
      await user.tab();
      reached.push(document.activeElement?.getAttribute('aria-label') ?? '');
    }
    expect(reached).toEqual(buttons.map((b) => b.getAttribute('aria-label')));
    expect(toolbar.contains(document.activeElement)).toBe(true);

    // and it works from the keyboard: Enter on "Continue with this" presses it
    within(toolbar).getByRole('button', { name: 'Continue with this answer from alpha' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(toolbar).getByRole('button', { name: 'Continue with this answer from alpha' }).getAttribute('aria-pressed')).toBe('true'));
    expect(within(toolbar).getByRole('button', { name: 'Continue with this answer from alpha' }).getAttribute('title')).toBe('Continuing with this');
  });

  it('shows the figures on one line with the provider as a badge, and no Stop buttons once done', async () => {
    openRoomWith(['test/alpha']);
    await sendPrompt('hello');
    const cell = await answer('alpha');
    const stats = await within(cell).findByLabelText('Answer details', {}, { timeout: 5000 });
    await settled(h);
    expect(within(stats).getByText('FakeProvider').className).toBe('provider-badge');
    expect(within(stats).getByText(/ out$/).className).toContain('stat');
    expect(within(stats).getByText(/^TTFT /)).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: /^Stop/ })).toEqual([]);
  });

  it('while three answers stream: one Stop per answer and one Stop all, and the turn line counts who is answering', async () => {
    const user = userEvent.setup();
    openRoomWith(['test/alpha', 'test/beta', 'test/gamma']);
    await sendPrompt('[hang] wait');
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Stop/ })).toHaveLength(4), { timeout: 5000 });
    expect(screen.getAllByRole('button', { name: /^Stop/ }).map((b) => b.getAttribute('aria-label')).sort()).toEqual([
      'Stop all answers (Esc)',
      'Stop alpha',
      'Stop beta',
      'Stop gamma',
    ]);
    expect(screen.getByLabelText('Turn total').textContent).toBe('3 answering…');
    expect(screen.queryByText(/Turn: \$0\.00/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Stop beta' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Stop/ })).toHaveLength(3), { timeout: 5000 });
    await waitFor(() => expect(screen.getByLabelText('Turn total').textContent).toMatch(/^2 answering… · so far \$/));
    await user.click(screen.getByRole('button', { name: 'Stop all answers (Esc)' }));
    await waitFor(() => expect(screen.getByLabelText('Turn total').textContent).toMatch(/^Turn: .* · 3 answers$/), { timeout: 5000 });
  });
});
