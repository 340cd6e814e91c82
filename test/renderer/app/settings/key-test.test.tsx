import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { render, screen, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    expect((await screen.findByRole('status', { name: 'Test result for Work OpenAI' })).textContent).toBe('Works: 2 models (gpt-4o, gpt-4o-mini)');
  });

  it('says a wrong key was refused, naming the provider and never the key', async () => {
    render(<KeysPanel />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Test Anthropic' }));
    const result = await screen.findByRole('status', { name: 'Test result for Anthropic' });
    expect(result.textContent).toMatch(/Anthropic/);
    expect(result.textContent).toMatch(/401/);
    expect(document.body.innerHTML).not.toContain('WRONG');
  });
});
