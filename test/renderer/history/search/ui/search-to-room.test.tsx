import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../../renderer/app/App';
import { createHarness, resetPage, settled, type Harness } from '../../../support/room-harness';
import { seedConversation } from '../../../support/seed-history';

// From the sidebar search to the message in the room, with the real app shell and backend.

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
beforeEach(() => resetPage());
afterEach(async () => {
  await settled(h);
  cleanup();
});

describe('search → room', { timeout: 30_000 }, () => {
  it('opens the conversation of a result and marks the matching answer', async () => {
    const user = userEvent.setup();
    await seedConversation('Elsewhere', 'Unrelated', ['nothing here', 'nor here']);
    await seedConversation('Bread', 'How do I bake bread?', ['Knead the dough well.', 'Use a hot oven and steam for the crust.']);
    render(<App />);

    await user.type(await screen.findByRole('searchbox', { name: 'Search conversations' }), 'crust');
    const results = await screen.findByRole('list', { name: 'Search results' }, { timeout: 5000 });
    await user.click(within(results).getByRole('button', { name: /Bread/ }));

    expect(await screen.findByRole('heading', { name: 'Bread' }, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => {
      const current = screen.getAllByRole('article').filter((a) => a.getAttribute('aria-current') === 'true');
      expect(current).toHaveLength(1);
      expect(current[0]!.textContent).toContain('Use a hot oven and steam for the crust.');
    }, { timeout: 5000 });
  });
});
