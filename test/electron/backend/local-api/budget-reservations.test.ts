import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { estimateRequestTokens } from '../../../../shared/billing/estimate-tokens';
import { startFakeUpstream, type FakeUpstream, type RecordedRequest } from '../../../fakes';
import type { RouteInput, RouteName, RouteOutput } from '../../../../shared/contract/routes';

// App key limits under concurrency, through the real local API over HTTP: main's backend with its engine and
// catalog, a fake OpenAI upstream that bills exactly the worst case (the prompt as Parley counts it, and every
// token max_tokens allows), and plain fetch as the other apps.

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const UPSTREAM_KEY = 'sk-upstream-secret-4242';
const MAX_TOKENS = 10;
const ask = { model: 'openai/gpt-4o', max_tokens: MAX_TOKENS, messages: [{ role: 'user' as const, content: 'hi' }] };
const PROMPT_TOKENS = estimateRequestTokens(ask).tokens;

async function call<R extends RouteName>(b: Backend, route: R, input: RouteInput<R>): Promise<RouteOutput<R>> {
  const r = await b.dispatch(route, input);
  if (!r.ok) throw new Error(`${route}: ${r.error.message}`);
  return r.value as RouteOutput<R>;
}

/** Every reply spends all it may: the counted prompt and max_tokens of output. */
const billsWorstCase = (extra: object = {}) => (req: RecordedRequest) => ({
  reply: { text: 'ok', usage: { prompt: PROMPT_TOKENS, completion: (req.body as { max_tokens?: number }).max_tokens ?? MAX_TOKENS } },
  ...extra,
});

async function setup(): Promise<{ b: Backend; upstream: FakeUpstream; url: string }> {
  const upstream = await startFakeUpstream('openai', { requireKey: UPSTREAM_KEY });
  cleanups.push(() => upstream.close());
  upstream.setDefault(billsWorstCase());
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-budget-'));
  const b = createBackend({ dataDir, transport: 'host', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
  cleanups.push(() => b.close());
  await call(b, 'keys.set', { id: 'openai', kind: 'openai-compatible', label: 'OpenAI', baseUrl: upstream.url, apiKey: UPSTREAM_KEY });
  await call(b, 'settings.update', { localApiEnabled: true, localApiPort: 0 });
  const status = await call(b, 'api.status', {});
  return { b, upstream, url: status.url! };
}

async function post(url: string, token: string, body: object, signal?: AbortSignal) {
  const res = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  return { status: res.status, body: (await res.json()) as { error?: { message: string; metadata?: Record<string, unknown> } } };
}

async function keyData(url: string, token: string): Promise<{ usage: number; limit_remaining: number | null; reserved: number }> {
  const res = await fetch(`${url}/key`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await res.json()) as { data: { usage: number; limit_remaining: number | null; reserved: number } }).data;
}

const micros = (usd: number) => Math.round(usd * 1e6);
const upstreamCalls = (u: FakeUpstream) => u.requests.filter((r) => r.path.endsWith('/chat/completions')).length;

/** One request's cost, measured through an unlimited key. */
async function oneRequestCost(b: Backend, url: string): Promise<number> {
  const probe = await call(b, 'apiKeys.create', { label: 'Probe' });
  expect((await post(url, probe.token, ask)).status).toBe(200);
  const cost = micros((await keyData(url, probe.token)).usage);
  expect(cost).toBeGreaterThan(0);
  return cost;
}

async function waitFor(check: () => Promise<boolean>, ms = 5_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('app key limits hold each request’s worst case while it runs', () => {
  it('lets only the requests that fit through when 20 arrive at once at the edge of a limit', async () => {
    const { b, upstream, url } = await setup();
    const cost = await oneRequestCost(b, url);
    const limit = 2 * cost + Math.floor(cost / 2); // after one request, one more fits and two do not
    const { token } = await call(b, 'apiKeys.create', { label: 'Swarm', limitMicros: limit });
    expect((await post(url, token, ask)).status).toBe(200);
    const before = upstreamCalls(upstream);

    upstream.setDefault(billsWorstCase({ stallBeforeHeadersMs: 1_000 })); // all 20 are in flight together
    const results = await Promise.all(Array.from({ length: 20 }, () => post(url, token, ask)));

    const spent = micros((await keyData(url, token)).usage);
    expect(spent).toBeLessThanOrEqual(limit);
    expect(upstreamCalls(upstream) - before).toBe(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 402);
    expect(refused).toHaveLength(19);
    expect(refused[0]!.body.error!.message).toMatch(/^App key "Swarm" cannot afford this request under its credit limit: it may cost up to \$0\.\d+ and \$0\.\d+ is left/);
    expect(refused[0]!.body.error!.metadata).toMatchObject({ error_type: 'payment_required', limit_source: 'key_limit', needed_usd: cost / 1e6 });
    expect((await keyData(url, token)).reserved).toBe(0);
  });

  it('never spends more than the limit one request after another', async () => {
    const { b, upstream, url } = await setup();
    const cost = await oneRequestCost(b, url);
    const limit = 2 * cost + Math.floor(cost / 2);
    const { token } = await call(b, 'apiKeys.create', { label: 'Loop', dailyMicros: limit });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await post(url, token, ask);
      statuses.push(r.status);
      expect(micros((await keyData(url, token)).usage)).toBeLessThanOrEqual(limit);
    }
    expect(statuses).toEqual([200, 200, 402, 402]);
    expect(upstreamCalls(upstream)).toBe(3); // the probe and two
    // a smaller request still fits what is left
    expect((await post(url, token, { ...ask, max_tokens: 1 })).status).toBe(200);
    expect(micros((await keyData(url, token)).usage)).toBeLessThanOrEqual(limit);
  });

  it('releases the hold when the upstream fails, and when the client goes away mid-answer', async () => {
    const { b, upstream, url } = await setup();
    const cost = await oneRequestCost(b, url);
    const { token } = await call(b, 'apiKeys.create', { label: 'Flaky', monthlyMicros: cost + Math.floor(cost / 2) });

    upstream.enqueue({ status: 400, error: { message: 'bad request upstream' } });
    expect((await post(url, token, ask)).status).toBe(400);
    expect(await keyData(url, token)).toMatchObject({ usage: 0, reserved: 0 });

    // A slow answer holds its worst case: a second request does not fit beside it.
    upstream.enqueue(billsWorstCase({ reply: { text: 'a b c d e f g h i j k l m n o p', usage: { prompt: PROMPT_TOKENS, completion: MAX_TOKENS } }, tokensPerSecond: 5 }));
    const ctl = new AbortController();
    const res = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...ask, stream: true }),
      signal: ctl.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read(); // the answer has started
    expect(micros((await keyData(url, token)).reserved)).toBe(cost);
    const beside = await post(url, token, ask);
    expect(beside.status).toBe(402);
    expect(beside.body.error!.message).toContain('held by requests in flight');

    ctl.abort();
    await reader.cancel().catch(() => {});
    await waitFor(async () => (await keyData(url, token)).reserved === 0);
    expect((await post(url, token, ask)).status).toBe(200);
  });
});
