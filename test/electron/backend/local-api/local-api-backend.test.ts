import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { createBackend, type Backend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { startFakeUpstream } from '../../../fakes';
import type { RouteInput, RouteName, RouteOutput } from '../../../../shared/contract/routes';
import { filterRows, NO_FILTERS, totalsOf } from '../../../../renderer/money/activity/aggregate';
import type { LedgerRow } from '../../../../renderer/history/db/ledger-types';

// The local API as main runs it: app keys from Settings, the real engine and catalog, a fake OpenAI upstream,
// and the official openai client as the other app.

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const UPSTREAM_KEY = 'sk-upstream-secret-4242';

async function call<R extends RouteName>(b: Backend, route: R, input: RouteInput<R>): Promise<RouteOutput<R>> {
  const r = await b.dispatch(route, input);
  if (!r.ok) throw new Error(`${route}: ${r.error.message}`);
  return r.value as RouteOutput<R>;
}

async function setup(opts: { env?: Record<string, string>; dataDir?: string } = {}) {
  const upstream = await startFakeUpstream('openai', { requireKey: UPSTREAM_KEY });
  cleanups.push(() => upstream.close());
  upstream.setDefault({ reply: { text: 'Hello from the fake', usage: { prompt: 1000, completion: 500 } } });
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'parley-local-api-'));
  const b = createBackend({ dataDir, transport: 'host', version: '0', cipher: createLocalCipher(dataDir), env: opts.env ?? {}, detectLocalServers: false });
  cleanups.push(() => b.close());
  await call(b, 'keys.set', { id: 'openai', kind: 'openai-compatible', label: 'OpenAI', baseUrl: upstream.url, apiKey: UPSTREAM_KEY });
  await call(b, 'settings.update', { localApiEnabled: true, localApiPort: 0 });
  const status = await call(b, 'api.status', {});
  expect(status).toMatchObject({ running: true, error: null });
  return { b, upstream, dataDir, url: status.url! };
}

const client = (url: string, token: string) => new OpenAI({ baseURL: url, apiKey: token, maxRetries: 0 });
const ask = { model: 'openai/gpt-4o', messages: [{ role: 'user' as const, content: 'hi' }] };

/** A GET through the official client's generic `get`, as an app calls OpenRouter's other routes with it. */
async function getJson(url: string, token: string, path: string, query?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    const body = await client(url, token).get<Record<string, unknown>>(path, query ? { query } : {});
    return { status: 200, body };
  } catch (err) {
    if (err instanceof OpenAI.APIError) return { status: err.status ?? 0, body: { error: err.error } };
    throw err;
  }
}

/** The usage ledger's rows as the renderer stores them, from main's journal. */
async function ledgerRows(b: Backend): Promise<LedgerRow[]> {
  const entries = await call(b, 'generations.since', { afterSeq: 0 });
  const rows = new Map<string, LedgerRow>();
  for (const e of entries) {
    if (e.kind === 'record' && e.record) rows.set(e.record.id, { ...e.record });
    if (e.kind === 'reconciled' && e.reconciled?.status === 'reconciled' && e.reconciled.billedMicros !== null) {
      const row = rows.get(e.reconciled.generationId);
      if (row) row.billedCostMicros = e.reconciled.billedMicros;
    }
  }
  return [...rows.values()];
}

describe('app keys', () => {
  it('shows a new key once, authenticates apps with it and records their requests under it', async () => {
    const { b, url } = await setup();
    const created = await call(b, 'apiKeys.create', { label: 'Editor plugin' });
    expect(created.token).toMatch(/^sk-parley-v1-[0-9a-f]{64}$/);
    expect(created.key).toMatchObject({ label: 'Editor plugin', disabled: false, source: 'created', hint: `••••${created.token.slice(-4)}` });
    const listed = await call(b, 'apiKeys.list', {});
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(13, 40));

    const completion = await client(url, created.token).chat.completions.create(ask);
    expect(completion.choices[0]!.message.content).toBe('Hello from the fake');
    const rows = await ledgerRows(b);
    expect(rows.find((r) => r.id === completion.id)).toMatchObject({ source: 'local-api', appKeyId: created.key.id });
  });

  it('refuses a disabled key with 401 and a deleted one too, without calling the upstream', async () => {
    const { b, url, upstream } = await setup();
    const { key, token } = await call(b, 'apiKeys.create', { label: 'Script' });
    await call(b, 'apiKeys.update', { id: key.id, disabled: true });
    const err = await client(url, token).chat.completions.create(ask).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((err as Error).message).toContain('disabled');
    await call(b, 'apiKeys.update', { id: key.id, disabled: false });
    await client(url, token).chat.completions.create(ask);
    await call(b, 'apiKeys.remove', { id: key.id });
    expect(await client(url, token).chat.completions.create(ask).catch((e: unknown) => e)).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(upstream.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);
  });

  it('refuses a key over its limit with 402 in OpenRouter’s shape, and nothing reaches the upstream', async () => {
    const { b, url, upstream } = await setup();
    const { key, token } = await call(b, 'apiKeys.create', { label: 'Agent' });
    const first = await client(url, token).chat.completions.create(ask); // spends more than $0.000001 at the provider
    expect((first.usage as { cost_details?: { upstream_inference_cost?: number } }).cost_details?.upstream_inference_cost).toBeGreaterThan(0);
    await call(b, 'apiKeys.update', { id: key.id, dailyMicros: 1 });
    const sent = upstream.requests.length;
    const err = await client(url, token).chat.completions.create({ ...ask, stream: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(402);
    expect((err as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
      code: 402,
      metadata: { error_type: 'payment_required', limit_source: 'key_daily_budget', limit_usd: 0.000001 },
    });
    expect((err as Error).message).toContain('App key "Agent" has used its daily budget');
    expect(upstream.requests.length).toBe(sent);
    // Raising the limit lets it through again.
    await call(b, 'apiKeys.update', { id: key.id, dailyMicros: null, limitMicros: 1_000_000 });
    await client(url, token).chat.completions.create(ask);
    expect(upstream.requests.length).toBe(sent + 1);
  });

  it('answers /key with figures equal to Activity’s for that key, and /credits within its limit', async () => {
    const { b, url } = await setup();
    const a = await call(b, 'apiKeys.create', { label: 'App A', limitMicros: 5_000_000, monthlyMicros: 2_000_000 });
    const other = await call(b, 'apiKeys.create', { label: 'App B' });
    await client(url, a.token).chat.completions.create(ask);
    await client(url, a.token).chat.completions.create({ ...ask, stream: true }).then(async (s) => {
      for await (const _ of s) void _;
    });
    await client(url, other.token).chat.completions.create(ask);

    const rows = await ledgerRows(b);
    const activity = totalsOf(filterRows(rows, { ...NO_FILTERS, appKey: a.key.id }));
    expect(activity.requests).toBe(2);
    expect(activity.costMicros).toBeGreaterThan(0);

    const key = await getJson(url, a.token, '/key');
    expect(key.status).toBe(200);
    expect(key.body.data).toMatchObject({
      label: 'App A',
      limit: 5,
      limit_reset: null,
      usage: activity.costMicros / 1e6,
      usage_daily: activity.costMicros / 1e6,
      usage_monthly: activity.costMicros / 1e6,
      byok_usage: activity.costMicros / 1e6, // served with the user's own OpenAI key
      limit_remaining: (2_000_000 - activity.costMicros) / 1e6, // the monthly budget is the tighter one
      include_byok_in_limit: true,
      is_free_tier: false,
    });
    const credits = await getJson(url, a.token, '/credits');
    expect(credits.body.data).toEqual({ total_credits: 2, total_usage: activity.costMicros / 1e6 });
    const unlimited = await getJson(url, other.token, '/credits');
    expect(unlimited.status).toBe(403);
    expect(unlimited.body).toMatchObject({ error: { code: 403 } });
    const listed = (await call(b, 'apiKeys.list', {})).find((k) => k.id === a.key.id)!;
    expect(listed.spend).toEqual({ totalMicros: activity.costMicros, todayMicros: activity.costMicros, monthMicros: activity.costMicros });
  });

  it('keeps the token Parley used before app keys as the first key', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-local-api-legacy-'));
    writeFileSync(join(dataDir, 'local-api-token'), 'parley-legacy-token-from-file');
    const { b, url } = await setup({ dataDir, env: { PARLEY_API_TOKEN: 'parley-token-from-env' } });
    const keys = await call(b, 'apiKeys.list', {});
    expect(keys.map((k) => [k.label, k.source])).toEqual([['PARLEY_API_TOKEN', 'env'], ['Default key', 'file']]);
    for (const token of ['parley-legacy-token-from-file', 'parley-token-from-env']) {
      expect((await client(url, token).chat.completions.create(ask)).choices[0]!.message.content).toBe('Hello from the fake');
    }
    expect(b.localApi.printableToken()).toBe('parley-token-from-env');
    // Deleting the file's key retires its file, so it is not imported again.
    await call(b, 'apiKeys.remove', { id: keys.find((k) => k.source === 'file')!.id });
    expect(existsSync(join(dataDir, 'local-api-token'))).toBe(false);
  });

  it('gives a fresh install one generated first key for `npm run host -- --api` to print', async () => {
    const { b, url } = await setup();
    const token = b.localApi.printableToken()!;
    expect(token).toMatch(/^parley-/);
    expect(await call(b, 'apiKeys.list', {})).toMatchObject([{ label: 'Default key', source: 'file' }]);
    expect((await client(url, token).models.list()).data.length).toBeGreaterThan(0);
  });
});

describe('OpenRouter parity through the backend', () => {
  it('lists full model entries with decimal price strings, a count, and links', async () => {
    const { b, url } = await setup();
    const token = b.localApi.printableToken()!;
    const raw = await getJson(url, token, '/models');
    const data = raw.body.data as Record<string, unknown>[];
    expect(raw.body.total_count).toBe(data.length);
    expect(raw.body.links).toEqual({ next: null });
    const gpt = data.find((m) => m.id === 'openai/gpt-4o')!;
    expect(gpt).toMatchObject({
      canonical_slug: expect.any(String), name: expect.any(String), created: expect.any(Number), description: expect.any(String),
      context_length: expect.any(Number), architecture: { modality: expect.any(String), input_modalities: expect.any(Array), output_modalities: ['text'] },
      top_provider: { context_length: expect.any(Number) }, supported_parameters: expect.arrayContaining(['tools']),
      links: { details: '/api/v1/models/openai/gpt-4o/endpoints' },
    });
    for (const m of data) {
      for (const [k, v] of Object.entries(m.pricing as Record<string, unknown>)) {
        if (typeof v === 'string') expect(v, `${m.id as string} ${k}`).toMatch(/^-?\d+(\.\d+)?$/);
      }
    }
    const count = await getJson(url, token, '/models/count');
    expect(count.body).toEqual({ data: { count: data.length } });
    const viaClient = await client(url, token).models.list();
    expect(viaClient.data.length).toBe(data.length);
  });

  it('lists a model’s endpoints with their prices and the health Parley measured', async () => {
    const { b, url } = await setup();
    const token = b.localApi.printableToken()!;
    await client(url, token).chat.completions.create(ask);
    const res = await getJson(url, token, '/models/openai/gpt-4o/endpoints');
    expect(res.status).toBe(200);
    const data = res.body.data as { id: string; endpoints: Record<string, unknown>[] };
    expect(data.id).toBe('openai/gpt-4o');
    expect(data.endpoints).toHaveLength(1);
    expect(data.endpoints[0]).toMatchObject({
      provider_name: 'OpenAI', tag: 'openai', model_id: 'openai/gpt-4o', status: 0, uptime_last_5m: 100, uptime_last_30m: 100,
      pricing: { prompt: expect.stringMatching(/^\d+(\.\d+)?$/), completion: expect.stringMatching(/^\d+(\.\d+)?$/) },
      latency_last_30m: { p50: expect.any(Number), p99: expect.any(Number) },
    });
    expect((await getJson(url, token, '/models/nobody/nothing-here/endpoints')).status).toBe(404);
  });

  it('answers /generation from Parley’s own record, only to the key that made it', async () => {
    const { b, url } = await setup();
    const mine = b.localApi.printableToken()!;
    const other = (await call(b, 'apiKeys.create', { label: 'Other' })).token;
    const completion = await client(url, mine).chat.completions.create(ask);
    const res = await getJson(url, mine, '/generation', { id: completion.id });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id: completion.id, model: 'openai/gpt-4o', provider_name: 'OpenAI', tokens_prompt: 1000, tokens_completion: 500,
      // a direct provider key: Parley charges nothing, the provider's charge is the upstream cost (as in `usage`)
      total_cost: 0, upstream_inference_cost: (completion.usage as { cost_details?: { upstream_inference_cost?: number } }).cost_details?.upstream_inference_cost,
      is_byok: true, streamed: false, cancelled: false, finish_reason: 'stop',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect((await getJson(url, other, '/generation', { id: completion.id })).status).toBe(404);
    expect((await getJson(url, mine, '/generation')).status).toBe(400);
  });

  it('answers an unknown model with 400 and availability model_not_found', async () => {
    const { b, url, upstream } = await setup();
    const err = await client(url, b.localApi.printableToken()!).chat.completions.create({ ...ask, model: 'no-such-model-anywhere' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({
      code: 400, availability: { code: 'model_not_found', retryable: false, requested_models: ['no-such-model-anywhere'] },
    });
    expect(upstream.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('answers browsers only from allowed origins, preflight included', async () => {
    const { b, url } = await setup();
    const token = b.localApi.printableToken()!;
    const preflight = (origin: string) => fetch(`${url}/chat/completions`, {
      method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect((await preflight('http://localhost:5173')).status).toBe(403);
    await call(b, 'settings.update', { localApiCorsOrigins: ['http://localhost:5173'] });
    const ok = await preflight('http://localhost:5173');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(ok.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const answer = await fetch(`${url}/models/count`, { headers: { origin: 'http://localhost:5173', authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const elsewhere = await fetch(`${url}/models/count`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${token}` } });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});
