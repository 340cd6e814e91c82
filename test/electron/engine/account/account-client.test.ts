import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccountClient } from '../../../../electron/engine/account';
import { sampleGeneration, sampleKeyData, startFakeOpenRouterAccount, type FakeOpenRouterAccount } from '../../../fakes/openrouter-account';

const KEY = 'sk-or-v1-test-secret-key-0123456789abcdef';
let fake: FakeOpenRouterAccount | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function withAccount(account: Parameters<typeof startFakeOpenRouterAccount>[0] = {}) {
  fake = await startFakeOpenRouterAccount(account);
  return { fake, client: createAccountClient({ apiKey: KEY, baseUrl: fake.baseUrl }) };
}

describe('getBalance', () => {
  it('reads /credits: balance = total_credits − total_usage', async () => {
    const { client, fake } = await withAccount({ keys: { [KEY]: { credits: { total_credits: 100.5, total_usage: 25.75 }, key: sampleKeyData() } } });
    const r = await client.getBalance();
    // $100.50 − $25.75 = $74.75
    expect(r).toEqual({
      ok: true,
      value: { source: 'credits', balanceMicros: 74_750_000, totalCreditsMicros: 100_500_000, totalUsageMicros: 25_750_000, key: null },
    });
    expect(fake.requests.map((q) => q.path)).toEqual(['/credits']);
    expect(fake.requests[0]!.authorization).toBe(`Bearer ${KEY}`);
  });

  it('falls back to /key when /credits is forbidden for this key', async () => {
    const { client, fake } = await withAccount({ keys: { [KEY]: { creditsForbidden: true, key: sampleKeyData() } } });
    const r = await client.getBalance();
    if (!r.ok) throw new Error(r.error.message);
    expect(fake.requests.map((q) => q.path)).toEqual(['/credits', '/key']);
    expect(r.value.source).toBe('key');
    expect(r.value.balanceMicros).toBe(74_500_000); // limit_remaining $74.50
    expect(r.value.note).toMatch(/key's own limit/);
    expect(r.value.key).toMatchObject({
      label: 'sk-or-v1-0e6...1c96',
      limitMicros: 100_000_000,
      limitReset: 'monthly',
      usageMicros: 25_500_000,
      usageDailyMicros: 1_250_000,
      usageWeeklyMicros: 6_500_000,
      usageMonthlyMicros: 25_500_000,
      byokUsageMicros: 17_380_000,
      byokUsageMonthlyMicros: 17_380_000,
      isFreeTier: false,
      rateLimit: { requests: 1000, interval: '1h' },
      freeModelLimits: { requestsPerMinute: 20, requestsPerDay: 1000 },
    });
  });

  it('says so when the fallback key has no limit either', async () => {
    const { client } = await withAccount({ keys: { [KEY]: { creditsForbidden: true, key: sampleKeyData({ limit: null, limit_remaining: null }) } } });
    const r = await client.getBalance();
    expect(r.ok && r.value.balanceMicros).toBeNull();
    expect(r.ok && r.value.note).toMatch(/no spending limit/);
  });
});

describe('getKeyInfo', () => {
  it('derives free-model limits from is_free_tier', async () => {
    const { client } = await withAccount({ keys: { [KEY]: { key: sampleKeyData({ is_free_tier: true }) } } });
    const r = await client.getKeyInfo();
    expect(r.ok && r.value.freeModelLimits).toMatchObject({ requestsPerMinute: 20, requestsPerDay: 50 });
  });

  it('tolerates the older, smaller /auth/key shape', async () => {
    const { client } = await withAccount({ keys: { [KEY]: { key: { label: 'x', usage: 1.5, limit: null, is_free_tier: false, rate_limit: { requests: 10, interval: '10s' } } } } });
    const r = await client.getKeyInfo();
    expect(r.ok && r.value).toMatchObject({ usageMicros: 1_500_000, limitMicros: null, usageDailyMicros: null, byokUsageMicros: null });
  });
});

describe('errors become typed messages without the key', () => {
  const expectNoKey = (message: string) => {
    expect(message).not.toContain(KEY);
    expect(message).not.toContain('test-secret');
  };

  it('401 → invalid key', async () => {
    fake = await startFakeOpenRouterAccount({ keys: {} });
    const r = await createAccountClient({ apiKey: KEY, baseUrl: fake.baseUrl }).getBalance();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'invalid-key', status: 401 });
    expect(r.error.message).toMatch(/did not accept the API key/);
    expectNoKey(r.error.message);
  });

  it('402 → out of credits', async () => {
    const { client } = await withAccount({ keys: { [KEY]: { outOfCredits: true, key: sampleKeyData() } } });
    const r = await client.getKeyInfo();
    expect(!r.ok && r.error).toMatchObject({ kind: 'out-of-credits', status: 402 });
    expect(!r.ok && r.error.message).toMatch(/out of credits/);
  });

  it('429 → slow down, with Retry-After', async () => {
    const { client, fake } = await withAccount({ keys: { [KEY]: { key: sampleKeyData() } } });
    fake.respondNext('/key', { status: 429, body: { error: { code: 429, message: 'Rate limit exceeded' } }, headers: { 'retry-after': '7' } });
    const r = await client.getKeyInfo();
    expect(!r.ok && r.error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 7000 });
    expect(!r.ok && r.error.message).toBe('OpenRouter is rate-limiting requests: slow down and retry in 7 s.');
  });

  it('403 on another endpoint → forbidden, upstream text redacted', async () => {
    const { client, fake } = await withAccount({ keys: { [KEY]: { key: sampleKeyData() } } });
    fake.respondNext('/generation', { status: 403, body: { error: { code: 403, message: `Key ${KEY} lacks permission` } } });
    const r = await client.getGeneration('gen-1');
    expect(!r.ok && r.error.kind).toBe('forbidden');
    if (!r.ok) expectNoKey(r.error.message);
    expect(!r.ok && r.error.message).toContain('[redacted]');
  });

  it('403 on /key after the /credits fallback is reported, not looped', async () => {
    const { client, fake } = await withAccount({ keys: { [KEY]: { creditsForbidden: true, key: sampleKeyData() } } });
    fake.respondNext('/key', { status: 403, body: { error: { code: 403, message: 'nope' } } });
    const r = await client.getBalance();
    expect(!r.ok && r.error.kind).toBe('forbidden');
    expect(fake.requests.map((q) => q.path)).toEqual(['/credits', '/key']);
  });

  it('5xx → server problem', async () => {
    const { client, fake } = await withAccount({ keys: { [KEY]: { key: sampleKeyData() } } });
    fake.respondNext('/key', { status: 502, rawBody: '<html>bad gateway</html>' });
    const r = await client.getKeyInfo();
    expect(!r.ok && r.error).toMatchObject({ kind: 'server', status: 502 });
  });

  it('an unreadable 200 → bad response', async () => {
    const { client, fake } = await withAccount({ keys: { [KEY]: { key: sampleKeyData() } } });
    fake.respondNext('/key', { status: 200, rawBody: 'not json' });
    const r = await client.getKeyInfo();
    expect(!r.ok && r.error.kind).toBe('bad-response');
    fake.respondNext('/credits', { status: 200, body: { data: { total_credits: 'lots' } } });
    const b = await client.getBalance();
    expect(!b.ok && b.error.kind).toBe('bad-response');
  });

  it('nobody listening → network', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    const r = await createAccountClient({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}/api/v1` }).getBalance();
    expect(!r.ok && r.error).toMatchObject({ kind: 'network', status: null });
    if (!r.ok) expectNoKey(r.error.message);
  });

  it('no answer in time → network, and the request is aborted', async () => {
    let aborted = false;
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        });
      });
    const r = await createAccountClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9/api/v1', fetch: hanging, timeoutMs: 50 }).getKeyInfo();
    expect(aborted).toBe(true);
    expect(!r.ok && r.error.message).toMatch(/no answer within/);
  });

  it('a fetch that throws a key-bearing error never leaks it', async () => {
    const leaky: typeof fetch = () => Promise.reject(new Error(`connect failed for Bearer ${KEY}`));
    const r = await createAccountClient({ apiKey: KEY, fetch: leaky }).getKeyInfo();
    expect(r.ok).toBe(false);
    if (!r.ok) expectNoKey(r.error.message);
  });
});

describe('getGeneration', () => {
  it('returns costs in micro-dollars and native token counts', async () => {
    const { client, fake } = await withAccount({
      keys: { [KEY]: { key: sampleKeyData() } },
      generations: { 'gen-abc': { data: sampleGeneration('gen-abc', { native_tokens_reasoning: 40, native_tokens_cached: 300, cache_discount: -0.0002 }) } },
    });
    const r = await client.getGeneration('gen-abc');
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'gen-abc',
        model: 'anthropic/claude-sonnet-4.5',
        provider: 'Anthropic',
        createdAt: '2026-09-16T12:00:00.000000+00:00',
        totalCostMicros: 10_500, // $0.0105
        upstreamInferenceCostMicros: null,
        cacheDiscountMicros: -200,
        isByok: false,
        streamed: true,
        cancelled: false,
        finishReason: 'stop',
        nativeFinishReason: 'end_turn',
        latencyMs: 1250,
        generationTimeMs: 1200,
        tokens: { prompt: 1000, completion: 500 },
        nativeTokens: { prompt: 1000, completion: 500, reasoning: 40, cached: 300 },
      },
    });
    expect(fake.requests.at(-1)).toMatchObject({ path: '/generation', query: '?id=gen-abc' });
  });

  it('drops a provider, model or finish reason that carries the key (a hostile endpoint reflecting it)', async () => {
    const b64 = Buffer.from(KEY).toString('base64');
    const { client } = await withAccount({
      keys: { [KEY]: { key: sampleKeyData() } },
      generations: { 'gen-x': { data: sampleGeneration('gen-x', { provider_name: `Provider ${KEY}`, model: b64, native_finish_reason: encodeURIComponent(KEY) }) } },
    });
    const r = await client.getGeneration('gen-x');
    expect(r).toMatchObject({ ok: true, value: { provider: null, model: null, nativeFinishReason: null, finishReason: 'stop' } });
    expect(JSON.stringify(r)).not.toContain(KEY.slice(10, -4));
    expect(JSON.stringify(r)).not.toContain(b64.slice(4, -4));
  });

  it('404 while OpenRouter has not recorded it yet → not-found', async () => {
    const { client } = await withAccount({ keys: { [KEY]: { key: sampleKeyData() } }, generations: { 'gen-lag': { data: sampleGeneration('gen-lag'), lag: 1 } } });
    const first = await client.getGeneration('gen-lag');
    expect(!first.ok && first.error.kind).toBe('not-found');
    const second = await client.getGeneration('gen-lag');
    expect(second.ok).toBe(true);
  });
});
