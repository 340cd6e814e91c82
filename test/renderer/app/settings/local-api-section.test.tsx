import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import { render, screen, cleanup, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { installFakePreload } from '../../support/fake-preload';
import { LocalApiSection } from '../../../../renderer/app/settings/local-api/LocalApiSection';

let backend: Backend;

beforeAll(() => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-local-api-ui-'));
  backend = createBackend({ dataDir, transport: 'electron', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
  installFakePreload(backend);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
afterAll(() => backend.close());

const keysTable = () => screen.getByRole('table', { name: 'App keys' });
const row = (label: string) => within(keysTable()).getByRole('row', { name: new RegExp(`^${label}`) });

describe('Settings → Local API', { timeout: 20_000 }, () => {
  it('serves the API, creates a key with limits and shows its token exactly once', async () => {
    const user = userEvent.setup();
    render(<LocalApiSection />);
    await user.clear(await screen.findByRole('textbox', { name: 'Local API port' }));
    await user.type(screen.getByRole('textbox', { name: 'Local API port' }), '0');
    await user.click(screen.getByRole('checkbox', { name: 'Serve the local API' }));
    await waitFor(() => expect(screen.getByLabelText('Local API address').textContent).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/));
    await within(keysTable()).findByRole('row', { name: /^Default key/ }); // the first key, made when the API first starts

    const form = screen.getByRole('form', { name: 'Create an app key' });
    await user.type(within(form).getByRole('textbox', { name: 'App name' }), 'Editor plugin');
    await user.type(within(form).getByRole('textbox', { name: 'New key daily budget (usd)' }), '1.5');
    await user.type(within(form).getByRole('textbox', { name: 'New key credit limit (usd)' }), 'ten');
    await user.click(within(form).getByRole('button', { name: 'Create key' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('dollar amounts');
    await user.clear(within(form).getByRole('textbox', { name: 'New key credit limit (usd)' }));
    await user.type(within(form).getByRole('textbox', { name: 'New key credit limit (usd)' }), '10');
    await user.click(within(form).getByRole('button', { name: 'Create key' }));

    const token = (await screen.findByLabelText('New app key')).textContent!;
    expect(token).toMatch(/^sk-parley-v1-[0-9a-f]{64}$/);
    expect(backend.localApi.status().running).toBe(true);
    const editor = await waitFor(() => row('Editor plugin'));
    expect(editor.textContent).toContain(`••••${token.slice(-4)}`);
    expect(editor.textContent).toContain('$10.00 in all, $1.50 a day');
    expect((await backend.dispatch('apiKeys.list', {})).ok).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(document.body.textContent).not.toContain(token.slice(13));
  });

  it('disables, edits and deletes a key', async () => {
    const user = userEvent.setup();
    await backend.dispatch('apiKeys.create', { label: 'Script' });
    render(<LocalApiSection />);
    await waitFor(() => row('Script'));
    await user.click(within(row('Script')).getByRole('button', { name: 'Disable Script' }));
    await waitFor(() => expect(within(row('Script')).getByText('disabled')).toBeTruthy());

    await user.click(within(row('Script')).getByRole('button', { name: 'Edit Script' }));
    await user.type(within(row('Script')).getByRole('textbox', { name: 'Script monthly budget (usd)' }), '3');
    await user.click(within(row('Script')).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(row('Script').textContent).toContain('$3.00 a month'));

    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await user.click(within(row('Script')).getByRole('button', { name: 'Delete Script' }));
    await waitFor(() => expect(within(keysTable()).queryByRole('row', { name: /^Script/ })).toBeNull());
  });

  it('allows browser origins only when listed, and refuses what is not an origin', async () => {
    const user = userEvent.setup();
    render(<LocalApiSection />);
    const box = await screen.findByRole('textbox', { name: 'Allowed origins' });
    await user.type(box, 'http://localhost:3000/{enter}https://notes.example.com');
    await user.click(screen.getByRole('button', { name: 'Save origins' }));
    await waitFor(() => expect(backend.settings.get().localApiCorsOrigins).toEqual(['http://localhost:3000', 'https://notes.example.com']));
    // the confirmation outlives the refresh the saved settings cause (settings.changed)
    expect((await screen.findByRole('status')).textContent).toBe('Browser apps from these origins may call the API.');
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.getByRole('status').textContent).toBe('Browser apps from these origins may call the API.');
    expect((screen.getByRole('textbox', { name: 'Allowed origins' }) as HTMLTextAreaElement).value).toBe('http://localhost:3000\nhttps://notes.example.com');
    await user.clear(screen.getByRole('textbox', { name: 'Allowed origins' }));
    await user.type(screen.getByRole('textbox', { name: 'Allowed origins' }), 'file:///etc/passwd');
    await user.click(screen.getByRole('button', { name: 'Save origins' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/origin/i);
    expect(backend.settings.get().localApiCorsOrigins).toEqual(['http://localhost:3000', 'https://notes.example.com']);
  });
});
