import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { render, screen, cleanup, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../electron/vault/local-cipher';
import { installFakePreload } from '../support/fake-preload';
import { App } from '../../../renderer/app/App';

let backend: Backend;

// The renderer picks its transport once per page load, so one backend serves this file's tests, as one main
// process serves a window.
beforeAll(() => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-shell-'));
  backend = createBackend({ dataDir, transport: 'electron', version: '0.0.0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
  installFakePreload(backend);
});
afterEach(() => cleanup());

describe('app shell', () => {
  it('starts with no provider and offers the first run: OpenRouter, a provider directly, or this machine', async () => {
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Get a first answer' })).toBeTruthy();
    for (const name of ['OpenRouter', 'A provider directly', 'On this machine']) expect(screen.getByRole('heading', { name })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Create a key on openrouter\.ai/ })).toBeTruthy();
    expect(screen.getByLabelText('OpenRouter key')).toBeTruthy();
    expect(await screen.findByText('No Ollama or LM Studio found on this machine.')).toBeTruthy();
    expect(screen.getByText(/No conversations yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New chat' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
  });

  it('adds a key in Settings and never shows it again', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Provider' }), 'anthropic');
    await user.type(screen.getByLabelText('API key'), 'sk-ant-very-secret-4321');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const list = screen.getByRole('list', { name: 'Configured providers' });
    expect(await within(list).findByText('configured ••••4321')).toBeTruthy();
    expect(screen.queryByLabelText('API key')).toBeNull(); // the form closed, keeping nothing
    expect(document.body.innerHTML).not.toContain('very-secret');
    expect(backend.vault.secrets()[0]?.apiKey).toBe('sk-ant-very-secret-4321');
  });
});
