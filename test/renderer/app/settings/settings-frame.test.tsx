import { describe, it, expect, beforeAll, beforeEach, afterEach } from 'vitest';
import { render, screen, cleanup, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createHarness, resetPage } from '../../support/room-harness';
import { App } from '../../../../renderer/app/App';

// Settings as a section list beside one section's page, with a search over the sections' field labels.


beforeAll(() => {
  createHarness();
});
beforeEach(() => resetPage());
afterEach(() => cleanup());

async function openSettings() {
  const user = userEvent.setup();
  render(<App />);
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  return { user, nav: await screen.findByRole('navigation', { name: 'Settings sections' }) };
}

const sectionNames = (nav: HTMLElement) => within(nav).queryAllByRole('button').map((b) => b.textContent);

describe('Settings', { timeout: 30_000 }, () => {
  it('lists its sections and shows one section at a time', async () => {
    const { user, nav } = await openSettings();
    expect(sectionNames(nav)).toEqual(['Providers', 'Models', 'Answers', 'Tools', 'Local API', 'Money', 'Storage', 'About']);
    expect(within(nav).getByRole('button', { name: 'Providers' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { name: 'Providers and keys' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Local API' })).toBeNull();

    await user.click(within(nav).getByRole('button', { name: 'Local API' }));
    expect(await screen.findByRole('heading', { name: 'Local API' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Providers and keys' })).toBeNull();
    expect(within(nav).getByRole('button', { name: 'Local API' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('button', { name: 'Providers' }).getAttribute('aria-current')).toBeNull();

    await user.click(within(nav).getByRole('button', { name: 'Money' }));
    expect(await screen.findByRole('heading', { name: 'Spend limits' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'BYOK fee comparison' })).toBeTruthy();
  });

  it('finds a section by the label of one of its fields', async () => {
    const { user, nav } = await openSettings();
    const search = screen.getByRole('searchbox', { name: 'Search settings' });
    await user.type(search, 'theme');
    expect(sectionNames(nav)).toEqual(['About']);
    expect(within(nav).getByText('Theme')).toBeTruthy();
    await user.click(within(nav).getByRole('button', { name: 'About' }));
    expect(await screen.findByRole('combobox', { name: 'Theme' })).toBeTruthy();

    await user.clear(search);
    await user.type(search, 'app keys');
    expect(sectionNames(nav)).toEqual(['Local API']);
    await user.clear(search);
    await user.type(search, 'storage');
    expect(sectionNames(nav)).toEqual(['Storage']); // by its own name: no field list under it
    await user.clear(search);
    await user.type(search, 'nothing like this');
    expect(sectionNames(nav)).toEqual([]);
    expect(within(nav).getByText('No setting matches “nothing like this”.')).toBeTruthy();
  });

  it('keeps the add-key form behind "Add a key" once a provider is configured, on a provider not yet configured', async () => {
    const { user } = await openSettings();
    // nothing configured: the form is open, on OpenRouter
    const provider = (await screen.findByRole('combobox', { name: 'Provider' })) as HTMLSelectElement;
    expect(provider.value).toBe('openrouter');
    await user.type(screen.getByLabelText('API key'), 'sk-or-v1-test-1234');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const list = screen.getByRole('list', { name: 'Configured providers' });
    expect(await within(list).findByText('configured ••••1234')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('combobox', { name: 'Provider' })).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Add a key' }));
    const next = screen.getByRole('combobox', { name: 'Provider' }) as HTMLSelectElement;
    expect(next.value).not.toBe('openrouter');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('combobox', { name: 'Provider' })).toBeNull();
  });
});
