import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function backendWith(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-endpoints-'));
  dirs.push(dataDir);
  return createBackend({ dataDir, transport: 'host', version: 't', cipher: createLocalCipher(dataDir), env, detectLocalServers: false });
}

const ANTHROPIC_KEY = 'sk-ant-endpoint-prices-5678';
const OPENROUTER_KEY = 'sk-or-v1-endpoint-prices-1234';

describe('catalog.endpoints over the bridge', () => {
  it("prices a model on the user's own provider key and on OpenRouter, each with its own list", async () => {
    const backend = backendWith({ ANTHROPIC_API_KEY: ANTHROPIC_KEY, OPENROUTER_API_KEY: OPENROUTER_KEY });
    const r = await backend.dispatch('catalog.endpoints', { model: 'anthropic/claude-sonnet-4.5' });
    expect(r.ok).toBe(true);
    const value = (r as { value: { model: string; endpoints: Array<Record<string, unknown>> } }).value;
    expect(value.model).toBe('anthropic/claude-sonnet-4.5');
    expect(value.endpoints.map((e) => [e.provider, e.byok, e.local])).toEqual([
      ['anthropic', true, false],
      ['openrouter', false, false],
    ]);
    const [direct, openrouter] = value.endpoints as Array<{ pricing: Record<string, unknown> }>;
    // Anthropic's own table has the 1-hour cache-write rate (and web search); OpenRouter's list has neither
    expect(direct!.pricing).toMatchObject({ prompt: '0.000003', completion: '0.000015', input_cache_write_1h: '0.000006', web_search: '0.01' });
    expect(openrouter!.pricing).toMatchObject({ prompt: '0.000003', completion: '0.000015', input_cache_read: '0.0000003' });
    expect(openrouter!.pricing.input_cache_write_1h).toBeUndefined();
    const text = JSON.stringify(r);
    expect(text).not.toContain(ANTHROPIC_KEY);
    expect(text).not.toContain(OPENROUTER_KEY);
    await backend.close();
  });

  it('a model only OpenRouter serves has one endpoint; a model no upstream serves has none', async () => {
    const backend = backendWith({ OPENROUTER_API_KEY: OPENROUTER_KEY });
    const r = await backend.dispatch('catalog.endpoints', { model: 'openai/gpt-4o-mini' });
    expect(r).toMatchObject({ ok: true, value: { endpoints: [{ provider: 'openrouter', label: 'OpenRouter', byok: false, pricing: { prompt: '0.00000015', completion: '0.0000006' } }] } });
    const none = backendWith({});
    expect(await none.dispatch('catalog.endpoints', { model: 'openai/gpt-4o-mini' })).toEqual({ ok: true, value: { model: 'openai/gpt-4o-mini', endpoints: [] } });
    await backend.close();
    await none.close();
  });

  it('refuses an empty model with a bad-request error', async () => {
    const backend = backendWith({});
    expect(await backend.dispatch('catalog.endpoints', { model: '' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await backend.close();
  });
});
