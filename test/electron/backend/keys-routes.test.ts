import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../electron/vault/local-cipher';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function backendWith(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-keys-'));
  dirs.push(dataDir);
  return createBackend({ dataDir, transport: 'host', version: 't', cipher: createLocalCipher(dataDir), env, detectLocalServers: false });
}

describe('keys.set over the bridge', () => {
  it('refuses a base URL that is not http(s) with a reason the page shows', async () => {
    const backend = backendWith();
    for (const baseUrl of ['javascript:alert(1)', 'file:///etc/passwd']) {
      const r = await backend.dispatch('keys.set', { kind: 'openai-compatible', label: 'Evil', baseUrl, apiKey: 'sk-some-long-key-1234' });
      expect(r).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^A base URL must start with http:\/\/ or https:\/\//) } });
    }
    expect(await backend.dispatch('keys.list', {})).toEqual({ ok: true, value: [] });
    await backend.close();
  });

  it('a keyless entry is refused and the environment key keeps serving its provider', async () => {
    const backend = backendWith({ ANTHROPIC_API_KEY: 'sk-ant-from-the-environment-5678' });
    const r = await backend.dispatch('keys.set', { kind: 'anthropic', label: 'Anthropic' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^Anthropic needs an API key/) } });
    expect(backend.runtime.upstreams().filter((u) => u.kind === 'anthropic').map((u) => u.apiKey)).toEqual(['sk-ant-from-the-environment-5678']);
    await backend.close();
  });
});
