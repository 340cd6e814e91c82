import '../../../../renderer/app/feature-slots'; // the search's replay button is app's to place
import { render, screen, within, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchBox } from '../../../../renderer/history/search/ui/SearchBox';
import { freshHistory, seedConversation } from '../../support/seed-history';
import { installFakeMain } from '../../support/fake-main';

const SLOW = { timeout: 5000 };

beforeEach(async () => {
  installFakeMain({});
  await freshHistory();
});
afterEach(cleanup);

describe('replay from a search', () => {
  it('"Replay these prompts…" opens the replay dialog with the prompts the results found or answered, each once', async () => {
    const user = userEvent.setup();
    await seedConversation('Baking', 'How long should bread dough rise?', ['About an hour, until doubled.', 'Overnight in the fridge.']);
    await seedConversation('Cakes', 'Why did my cake sink?', ['The dough was underbaked.', 'Too much raising agent in the dough.']);
    await seedConversation('Travel', 'Best time to visit Kyoto?', ['Spring.', 'Autumn.']);
    render(<SearchBox />);

    // "dough" is in the first room's prompt and answer, and in both answers of the second room
    await user.type(screen.getByRole('searchbox', { name: 'Search conversations' }), 'dough');
    await screen.findByRole('list', { name: 'Search results' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Replay these prompts…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Replay prompts' }, SLOW);
    const prompts = within(dialog).getByRole('group', { name: /^Prompts/ });
    expect(within(prompts).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent).sort()).toEqual(['How long should bread dough rise?', 'Why did my cake sink?']);
    expect(within(prompts).getByText('Prompts (2 of 2)')).toBeTruthy();
    // the models of the rooms they come from are suggested
    const models = within(dialog).getByRole('group', { name: 'Models to run them on' });
    expect(within(models).getAllByRole('button').length).toBeGreaterThan(0);
  });
});
