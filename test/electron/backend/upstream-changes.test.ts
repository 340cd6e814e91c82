import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../electron/vault/local-cipher';
import { adapterFor } from '../../../electron/engine/providers/registry';
import { startFakeOpenRouterAccount, sampleKeyData } from '../../fakes/openrouter-account';
import type { KeySummary } from '../../../shared/contract/routes';
import type { ModelList } from '../../../shared/contract/models';
import type { AccountSummary } from '../../../shared/contract/account';

// What every window hears when the upstreams change, and how Settings describes each upstream.

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function backendWith(env: Record<string, string> = {}): Backend {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-upstream-changes-'));
  const b = createBackend({ dataDir, transport: 'host', version: '0', cipher: createLocalCipher(dataDir), adapterFor, env, detectLocalServers: false });
  cleanups.push(() => b.close());
  return b;
}

function heard(b: Backend) {
  const events: { event: string; payload: unknown }[] = [];
  b.hub.attach((event, payload) => events.push({ event, payload }));
  return events;
}

const keysOf = async (b: Backend) => ((await b.dispatch('keys.list', {})) as { ok: true; value: KeySummary[] }).value;

describe('when keys change', () => {
  it('tells every window the new key list, which models are now served, and the balance, without a reload', async () => {
    const account = await startFakeOpenRouterAccount({ keys: { 'sk-or-new-SECRET': { credits: { total_credits: 10, total_usage: 2.5 }, key: sampleKeyData() } } });
    cleanups.push(() => account.close());
    const b = backendWith();
    const events = heard(b);
    const before = ((await b.dispatch('models.list', {})) as { ok: true; value: ModelList }).value;
    expect(before.models.find((m) => m.id === 'openai/gpt-4o')?.servedBy).toEqual([]);

    await b.dispatch('keys.set', { kind: 'openrouter', label: 'My OpenRouter', baseUrl: account.baseUrl, apiKey: 'sk-or-new-SECRET' });
    expect(events.map((e) => e.event).slice(0, 2)).toEqual(['keys.changed', 'models.changed']);
    const models = events.find((e) => e.event === 'models.changed')!.payload as ModelList;
    expect(models.models.find((m) => m.id === 'openai/gpt-4o')?.servedBy).toEqual(['My OpenRouter']);
    await b.dispatch('account.refresh', {}); // joins the check main started on its own
    const balance = events.filter((e) => e.event === 'account.changed').map((e) => e.payload as AccountSummary).pop();
    expect(balance).toMatchObject({ configured: true, balance: { balanceMicros: 7_500_000 } });
    expect(JSON.stringify(events)).not.toContain('SECRET');
  });

  it('reports the balance as configured before the first check when the key comes from the environment', async () => {
    const b = backendWith({ OPENROUTER_API_KEY: 'sk-or-env-SECRET', OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1' });
    const summary = ((await b.dispatch('account.summary', {})) as { ok: true; value: AccountSummary }).value;
    expect(summary).toMatchObject({ configured: true, checkedAt: null });
  });
});

describe('Settings’ list of upstreams', () => {
  it('says where each key and base URL comes from, and which one is in use', async () => {
    const b = backendWith({ OPENROUTER_API_KEY: 'sk-or-env-key-9999', OPENROUTER_BASE_URL: 'http://127.0.0.1:7777/api/v1/', ANTHROPIC_API_KEY: 'sk-ant-env-1111' });
    await b.dispatch('keys.set', { id: 'openrouter:typed', kind: 'openrouter', label: 'Typed OpenRouter', apiKey: 'sk-or-typed-4321' });
    await b.dispatch('keys.set', { id: 'gemini:typed', kind: 'gemini', label: 'Gemini', apiKey: 'AIza-typed-5555' });
    const keys = await keysOf(b);
    const pick = (k: KeySummary) => [k.id, k.source, k.baseUrl, k.baseUrlSource, k.envKeyVar ?? null, k.envBaseUrlVar ?? null, k.inUse, k.hint];
    expect(keys.map(pick)).toEqual([
      // a typed key without its own base URL goes where OPENROUTER_BASE_URL points
      ['openrouter:typed', 'vault', 'http://127.0.0.1:7777/api/v1', 'env', null, 'OPENROUTER_BASE_URL', true, '••••4321'],
      ['gemini:typed', 'vault', 'https://generativelanguage.googleapis.com', 'default', null, null, true, '••••5555'],
      // the typed key wins over the environment's for the same provider
      ['env:openrouter', 'env', 'http://127.0.0.1:7777/api/v1', 'env', 'OPENROUTER_API_KEY', 'OPENROUTER_BASE_URL', false, '••••9999'],
      ['env:anthropic', 'env', 'https://api.anthropic.com', 'default', 'ANTHROPIC_API_KEY', null, true, '••••1111'],
    ]);
    expect(JSON.stringify(keys)).not.toMatch(/typed-4321|env-key|typed-5555|env-1111/);
  });

  it('replaces a stored key in place', async () => {
    const b = backendWith();
    await b.dispatch('keys.set', { id: 'openrouter:1', kind: 'openrouter', label: 'OpenRouter', apiKey: 'sk-or-old-1111' });
    await b.dispatch('keys.set', { id: 'openrouter:1', kind: 'openrouter', label: 'OpenRouter', apiKey: 'sk-or-new-2222' });
    const keys = await keysOf(b);
    expect(keys.map((k) => [k.id, k.hint])).toEqual([['openrouter:1', '••••2222']]);
    expect(b.runtime.upstreams().find((u) => u.id === 'openrouter:1')?.apiKey).toBe('sk-or-new-2222');
  });
});
