import { describe, it, expect, afterEach, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../electron/vault/local-cipher';
import { adapterFor } from '../../../electron/engine/providers/registry';
import { startFakeUpstream } from '../../fakes';
import type { FakeUpstream } from '../../fakes';
import type { StreamSnapshot } from '../../../shared/contract/chat';
import type { GenerationRecord } from '../../../shared/openrouter/generation';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function backendWith(env: Record<string, string> = {}): Backend {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-backend-chat-'));
  const b = createBackend({
    dataDir, transport: 'host', version: '0', cipher: createLocalCipher(dataDir), adapterFor, env, detectLocalServers: false,
  });
  cleanups.push(() => b.close());
  return b;
}

async function fake(kind: Parameters<typeof startFakeUpstream>[0], opts?: Parameters<typeof startFakeUpstream>[1]): Promise<FakeUpstream> {
  const f = await startFakeUpstream(kind, opts);
  cleanups.push(() => f.close());
  return f;
}

function finishedOf(b: Backend, streamId: string): Promise<StreamSnapshot> {
  return new Promise((done) => {
    const off = b.hub.attach((event, payload) => {
      if (event === 'chat.finished' && (payload as StreamSnapshot).streamId === streamId) {
        off();
        done(payload as StreamSnapshot);
      }
    });
  });
}

const meta = { conversationId: 'c1', messageId: 'm1', columnId: 'col1' };

describe('a chat through the backend, the engine and a provider', () => {
  it('streams an answer from a key added in settings, with usage in the generation record', async () => {
    const upstream = await fake('anthropic', { requireKey: 'sk-ant-user-key-7777' });
    upstream.enqueue({ reply: { text: 'Bonjour tout le monde', usage: { prompt: 12, completion: 5 } } });
    const b = backendWith();
    await b.dispatch('keys.set', { id: 'anthropic', kind: 'anthropic', label: 'Anthropic', baseUrl: upstream.url, apiKey: 'sk-ant-user-key-7777' });
    const events: string[] = [];
    b.hub.attach((event) => events.push(event));
    const finished = finishedOf(b, 'stream-aaaa1');
    const started = await b.dispatch('chat.start', {
      streamId: 'stream-aaaa1', meta,
      request: { model: 'anthropic/claude-sonnet-4.5', messages: [{ role: 'user', content: 'Say hello in French' }] },
    });
    expect(started.ok).toBe(true);
    const snap = await finished;
    expect(snap).toMatchObject({ status: 'done', text: 'Bonjour tout le monde', finishReason: 'stop', provider: 'Anthropic' });
    const record = snap.record as GenerationRecord;
    expect(record).toMatchObject({ upstreamId: 'anthropic', isByok: true, streamed: true, cancelled: false, source: 'app' });
    expect(record.tokens).toMatchObject({ prompt: 12, completion: 5 });
    expect(events).toContain('chat.delta');
    expect(events).toContain('generation.recorded');
    expect(upstream.requests[0]!.headers['x-api-key']).toBe('sk-ant-user-key-7777');
    expect((upstream.requests[0]!.body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Say hello in French' }] },
    ]);
  });

  it('reports an invalid key naming the upstream, never the key', async () => {
    const upstream = await fake('openai', { requireKey: 'the-right-key' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const b = backendWith();
    await b.dispatch('keys.set', { id: 'openai', kind: 'openai-compatible', label: 'OpenAI', baseUrl: upstream.url, apiKey: 'sk-wrong-key-SECRET-1234' });
    const finished = finishedOf(b, 'stream-bbbb1');
    await b.dispatch('chat.start', { streamId: 'stream-bbbb1', meta, request: { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] } });
    const snap = await finished;
    expect(snap.status).toBe('error');
    expect(snap.error?.code).toBe(401);
    expect(snap.error?.message).toMatch(/OpenAI/);
    expect(JSON.stringify(snap)).not.toContain('SECRET');
    expect(JSON.stringify(warn.mock.calls)).not.toContain('SECRET');
    warn.mockRestore();
  });

  it('uses keys from the environment and lists them without the key', async () => {
    const upstream = await fake('openrouter');
    upstream.enqueue({ reply: { text: 'via env', usage: { prompt: 3, completion: 2, cost: 0.000015 } } });
    const b = backendWith({ OPENROUTER_API_KEY: 'sk-or-env-key-5555', OPENROUTER_BASE_URL: upstream.url });
    const keys = await b.dispatch('keys.list', {});
    expect(keys).toMatchObject({ ok: true, value: [{ id: 'env:openrouter', source: 'env', hint: '••••5555' }] });
    expect(JSON.stringify(keys)).not.toContain('env-key');
    const finished = finishedOf(b, 'stream-cccc1');
    await b.dispatch('chat.start', { streamId: 'stream-cccc1', meta, request: { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] } });
    const snap = await finished;
    expect(snap.text).toBe('via env');
    expect(snap.record).toMatchObject({ reportedCostMicros: 15, costMicros: 15, costSource: 'upstream' });
  });

  it('ends an answer whose provider goes silent after the idle timeout from Settings, keeping its text', async () => {
    const upstream = await fake('openai');
    upstream.enqueue({ reply: { text: ['Half ', 'an ', 'answer'] }, stallAfterChunks: { after: 3 } });
    const b = backendWith();
    await b.dispatch('keys.set', { id: 'openai', kind: 'openai-compatible', label: 'OpenAI', baseUrl: upstream.url, apiKey: 'sk-openai-idle-key-1234' });
    await b.dispatch('settings.update', { streamIdleTimeoutSeconds: 1 });
    const finished = finishedOf(b, 'stream-idle1');
    await b.dispatch('chat.start', { streamId: 'stream-idle1', meta, request: { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] } });
    const snap = await finished;
    expect(snap).toMatchObject({ status: 'error', text: 'Half an ', error: { code: 408, message: 'OpenAI sent nothing for 1 s; the answer so far is kept' } });
    expect((snap.record as GenerationRecord).error).toMatchObject({ code: 408 });
  });

  it('tests a key by listing the upstream’s models', async () => {
    const upstream = await fake('openai', { models: ['gpt-4o', 'gpt-4o-mini'] });
    const b = backendWith();
    await b.dispatch('keys.set', { id: 'openai', kind: 'openai-compatible', label: 'OpenAI', baseUrl: upstream.url, apiKey: 'k' });
    await expect(b.dispatch('keys.test', { id: 'openai' })).resolves.toEqual({ ok: true, value: { ok: true, models: ['gpt-4o', 'gpt-4o-mini'], url: `${upstream.url}/models`, status: 200 } });
  });
});

describe('the model catalog behind the picker', () => {
  it('lists catalog models with prices and which configured upstreams serve them', async () => {
    const b = backendWith({ ANTHROPIC_API_KEY: 'sk-ant-x', OPENROUTER_API_KEY: 'sk-or-x' });
    const res = await b.dispatch('models.list', {});
    if (!res.ok) throw new Error(res.error.message);
    const list = res.value as import('../../../shared/contract/models').ModelList;
    expect(list.source).toBe('bundled');
    expect(list.models.length).toBeGreaterThan(300);
    const claude = list.models.find((m) => m.id.startsWith('anthropic/claude'))!;
    expect(claude.servedBy).toEqual(['Anthropic', 'OpenRouter']);
    expect(claude.promptUsdPerMTok).toBeGreaterThan(0);
    const llama = list.models.find((m) => m.id.startsWith('meta-llama/'))!;
    expect(llama.servedBy).toEqual(['OpenRouter']);
  });

  it('keeps the bundled catalog and says why when the live refresh cannot be reached', async () => {
    const upstream = await fake('openrouter');
    const url = upstream.url;
    await upstream.close();
    const b = backendWith({ OPENROUTER_API_KEY: 'sk-or-x', OPENROUTER_BASE_URL: url });
    const res = await b.dispatch('models.refresh', {});
    expect(res).toMatchObject({ ok: true, value: { source: 'bundled', problem: expect.stringMatching(/could not refresh/) } });
  });
});

describe('provider model lists in the picker', () => {
  it('adds models a provider lists before the catalog knows them, cached on disk for the next start', async () => {
    const openai = await fake('openai', { models: ['gpt-4o', 'gpt-9-preview'] });
    const closed = await fake('openrouter');
    const orUrl = closed.url;
    await closed.close();
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-upstream-models-'));
    const env = { OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: openai.url, OPENROUTER_API_KEY: 'sk-or-x', OPENROUTER_BASE_URL: orUrl };
    const make = () => createBackend({ dataDir, transport: 'host', version: '0', cipher: createLocalCipher(dataDir), adapterFor, env, detectLocalServers: false });
    const b = make();
    cleanups.push(() => b.close());
    const refreshed = (await b.dispatch('models.refresh', {})) as { ok: true; value: import('../../../shared/contract/models').ModelList };
    const fresh = refreshed.value.models.find((m) => m.id === 'openai/gpt-9-preview');
    expect(fresh).toMatchObject({ servedBy: ['OpenAI', 'OpenRouter'], promptUsdPerMTok: null });
    expect(refreshed.value.models.filter((m) => m.id === 'openai/gpt-4o')).toHaveLength(1);
    const again = make();
    cleanups.push(() => again.close());
    const listed = (await again.dispatch('models.list', {})) as { ok: true; value: import('../../../shared/contract/models').ModelList };
    expect(listed.value.models.some((m) => m.id === 'openai/gpt-9-preview')).toBe(true);
  });
});

describe('pricing every answer from the catalog', () => {
  it('prices a BYOK answer from the provider’s list price and a :free answer at zero with its reason', async () => {
    const anthropic = await fake('anthropic');
    anthropic.enqueue({ reply: { text: 'priced', usage: { prompt: 100_000, completion: 0 } } });
    const openrouter = await fake('openrouter');
    openrouter.enqueue({ reply: { text: 'free', usage: { prompt: 100, completion: 10 } } });
    const b = backendWith({ OPENROUTER_API_KEY: 'sk-or-x', OPENROUTER_BASE_URL: openrouter.url, ANTHROPIC_API_KEY: 'sk-ant-x', ANTHROPIC_BASE_URL: anthropic.url });
    const list = (await b.dispatch('models.list', {})) as { ok: true; value: import('../../../shared/contract/models').ModelList };
    const sonnet = list.value.models.find((m) => m.id === 'anthropic/claude-sonnet-4.5')!;
    const first = finishedOf(b, 'stream-dddd1');
    await b.dispatch('chat.start', { streamId: 'stream-dddd1', meta, request: { model: sonnet.id, messages: [{ role: 'user', content: 'x' }] } });
    const priced = (await first).record as GenerationRecord;
    // 100k prompt tokens (under the 200k long-context tier) at the catalog's $/1M input price, no output.
    expect(priced).toMatchObject({ upstreamId: 'env:anthropic', costSource: 'computed', computedCostMicros: Math.round(sonnet.promptUsdPerMTok! * 1e5) });
    // The rates used travel with the answer, so its cost never changes when prices do.
    expect(priced.pricingSnapshot).toMatchObject({ source: 'bundled', rates: { prompt: expect.any(String), completion: expect.any(String) } });
    expect(Number(priced.pricingSnapshot!.rates.prompt) * 1e6).toBeCloseTo(sonnet.promptUsdPerMTok!, 6);
    const second = finishedOf(b, 'stream-dddd2');
    await b.dispatch('chat.start', {
      streamId: 'stream-dddd2', meta: { ...meta, columnId: 'col2' },
      request: { model: 'meta-llama/llama-3.3-70b-instruct:free', messages: [{ role: 'user', content: 'x' }] },
    });
    const free = (await second).record as GenerationRecord;
    expect(free).toMatchObject({ upstreamKind: 'openrouter', computedCostMicros: 0, costReason: 'free' });
  });
});
