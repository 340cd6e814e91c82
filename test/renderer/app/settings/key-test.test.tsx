import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { render, screen, cleanup, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { adapterFor } from '../../../../electron/engine/providers/registry';
import { startFakeUpstream, type FakeUpstream } from '../../../fakes';
import { installFakePreload } from '../../support/fake-preload';
import { KeysPanel } from '../../../../renderer/app/settings/KeysPanel';

let backend: Backend;
let good: FakeUpstream;
let picky: FakeUpstream;

beforeAll(async () => {
  good = await startFakeUpstream('openai', { models: ['gpt-4o', 'gpt-4o-mini'] });
  picky = await startFakeUpstream('anthropic', { requireKey: 'the-real-key' });
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-keytest-'));
  backend = createBackend({ dataDir, transport: 'electron', version: '0', cipher: createLocalCipher(dataDir), adapterFor, env: {}, detectLocalServers: false });
  installFakePreload(backend);
  await backend.dispatch('keys.set', { id: 'work-openai', kind: 'openai-compatible', label: 'Work OpenAI', baseUrl: good.url, apiKey: 'sk-good-1111' });
  await backend.dispatch('keys.set', { id: 'anthropic', kind: 'anthropic', label: 'Anthropic', baseUrl: picky.url, apiKey: 'sk-ant-WRONG-2222' });
});
afterEach(() => cleanup());
afterAll(async () => {
  await backend.close();
  await good.close();
  await picky.close();
});

describe('testing a key from Settings', () => {
  it('lists the models a working key can use', async () => {
    render(<KeysPanel />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Test Work OpenAI' }));
    expect((await screen.findByRole('status', { name: 'Test result for Work OpenAI' })).textContent).toBe(`Works: 2 models (gpt-4o, gpt-4o-mini) — HTTP 200 from ${good.url}/models`);
  });

  it('says a wrong key was refused, naming the provider and never the key', async () => {
    render(<KeysPanel />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Test Anthropic' }));
    const result = await screen.findByRole('status', { name: 'Test result for Anthropic' });
    expect(result.textContent).toMatch(/Anthropic/);
    expect(result.textContent).toMatch(/401/);
    expect(result.textContent).toContain(`${picky.url}/v1/models`); // the address tried
    expect(document.body.innerHTML).not.toContain('WRONG');
  });

  it('says which address could not be reached', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await backend.dispatch('keys.set', { id: 'nowhere', kind: 'openrouter', label: 'My OpenRouter', baseUrl: `http://127.0.0.1:${port}/api/v1`, apiKey: 'sk-or-x-3333' });
    render(<KeysPanel />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Test My OpenRouter' }));
    const result = await screen.findByRole('status', { name: 'Test result for My OpenRouter' });
    expect(result.textContent).toBe(`Could not reach My OpenRouter at http://127.0.0.1:${port}/api/v1/models (ECONNREFUSED).`);
    await backend.dispatch('keys.remove', { id: 'nowhere' });
  });

  it('lists each upstream with where its key and base URL come from, and replaces a typed key in place', async () => {
    const user = userEvent.setup();
    render(<KeysPanel />);
    const row = await screen.findByRole('listitem', { name: 'Work OpenAI' });
    expect(row.textContent).toContain('Typed in Settings');
    expect(row.textContent).toContain(`${good.url} (typed)`);
    expect(row.textContent).toContain('configured ••••1111');
    await user.click(screen.getByRole('button', { name: 'Replace key of Work OpenAI' }));
    await user.type(screen.getByLabelText('New API key for Work OpenAI'), 'sk-good-9999');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(screen.getByRole('listitem', { name: 'Work OpenAI' }).textContent).toContain('configured ••••9999'));
    expect(screen.getAllByRole('listitem', { name: 'Work OpenAI' })).toHaveLength(1);
    expect(document.body.innerHTML).not.toContain('sk-good-9999');
  });

  it('shows the selected kind’s default address as the Base URL placeholder', async () => {
    const user = userEvent.setup();
    render(<KeysPanel />);
    // keys are configured, so the form waits behind "Add a key", on the first provider not configured yet
    await user.click(await screen.findByRole('button', { name: 'Add a key' }));
    const url = screen.getByRole('textbox', { name: 'Base URL' });
    expect(url.getAttribute('placeholder')).toBe('https://openrouter.ai/api/v1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'anthropic');
    expect(url.getAttribute('placeholder')).toBe('https://api.anthropic.com');
  });
});
