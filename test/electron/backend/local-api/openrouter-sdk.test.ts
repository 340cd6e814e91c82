import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenRouter } from '@openrouter/sdk';
import {
  BadRequestResponseError, NotFoundResponseError, PaymentRequiredResponseError, UnauthorizedResponseError,
} from '@openrouter/sdk/models/errors';
import type { ChatResult, ChatStreamChunk } from '@openrouter/sdk/models';
import { createBackend, type Backend } from '../../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../../electron/vault/local-cipher';
import { startFakeUpstream, type FakeUpstream } from '../../../fakes';
import type { RouteInput, RouteName, RouteOutput } from '../../../../shared/contract/routes';

// The local API as main runs it, called with OpenRouter's own TypeScript SDK, which checks every answer against
// OpenRouter's published schema (docs/openrouter-api.md §12.5): a field missing or of the wrong type makes the call
// throw. Two fake upstreams: OpenRouter (with Parley's OpenRouter key) and OpenAI with the user's own key (BYOK).

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const OPENAI_KEY = 'sk-openai-secret-4242';
const OPENROUTER_KEY = 'sk-or-v1-secret-4343';
const BYOK_MODEL = 'openai/gpt-4o'; // served by the OpenAI key
const ROUTED_MODEL = 'anthropic/claude-sonnet-4.5'; // no Anthropic key: served through OpenRouter

async function call<R extends RouteName>(b: Backend, route: R, input: RouteInput<R>): Promise<RouteOutput<R>> {
  const r = await b.dispatch(route, input);
  if (!r.ok) throw new Error(`${route}: ${r.error.message}`);
  return r.value as RouteOutput<R>;
}

interface Setup {
  b: Backend;
  url: string;
  token: string;
  openai: FakeUpstream;
  openrouter: FakeUpstream;
  sdk: (token?: string) => OpenRouter;
}

async function setup(): Promise<Setup> {
  const openai = await startFakeUpstream('openai', { requireKey: OPENAI_KEY });
  cleanups.push(() => openai.close());
  openai.setDefault({ reply: { text: 'Hello from OpenAI', usage: { prompt: 1000, completion: 500 } } });
  const openrouter = await startFakeUpstream('openrouter', { requireKey: OPENROUTER_KEY });
  cleanups.push(() => openrouter.close());
  openrouter.setDefault({ reply: { text: 'Hello through OpenRouter', provider: 'Anthropic', usage: { prompt: 40, completion: 8, cost: 0.00024 } } });
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-sdk-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const b = createBackend({
    dataDir, transport: 'host', version: '0', cipher: createLocalCipher(dataDir), detectLocalServers: false,
    env: { OPENROUTER_API_KEY: OPENROUTER_KEY, OPENROUTER_BASE_URL: openrouter.url },
  });
  cleanups.push(() => b.close());
  await call(b, 'keys.set', { id: 'openai', kind: 'openai-compatible', label: 'OpenAI', baseUrl: openai.url, apiKey: OPENAI_KEY });
  await call(b, 'settings.update', { localApiEnabled: true, localApiPort: 0 });
  const status = await call(b, 'api.status', {});
  expect(status).toMatchObject({ running: true, error: null });
  const url = status.url!;
  const token = b.localApi.printableToken()!;
  const sdk = (t = token) => new OpenRouter({ apiKey: t, serverURL: url, retryConfig: { strategy: 'none' } });
  return { b, url, token, openai, openrouter, sdk };
}

const hi = [{ role: 'user' as const, content: 'hi' }];
const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', description: 'Weather in a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

type ModelPages = Awaited<ReturnType<OpenRouter['models']['list']>>;

/** Every model, following the SDK's page iterator to its end. */
async function allModels(pages: ModelPages): Promise<ModelPages['result']['data']> {
  const all: ModelPages['result']['data'] = [];
  for await (const page of pages) all.push(...page.result.data);
  return all;
}

async function collect(stream: AsyncIterable<ChatStreamChunk>): Promise<ChatStreamChunk[]> {
  const chunks: ChatStreamChunk[] = [];
  for await (const c of stream) chunks.push(c);
  return chunks;
}

describe('chat completions through @openrouter/sdk', () => {
  it('answers a non-streaming chat routed through OpenRouter', async () => {
    const { sdk } = await setup();
    const result = (await sdk().chat.send({ chatRequest: { model: ROUTED_MODEL, messages: hi } })) as ChatResult;
    expect(result.id).toMatch(/^gen-/);
    expect(result.object).toBe('chat.completion');
    expect(result.model).toBe(ROUTED_MODEL);
    expect(result.systemFingerprint).toBeNull();
    expect(result.choices[0]).toMatchObject({ index: 0, finishReason: 'stop', message: { role: 'assistant', content: 'Hello through OpenRouter' } });
    expect(result.usage).toMatchObject({ promptTokens: 40, completionTokens: 8, totalTokens: 48, cost: 0.00024, isByok: false });
  });

  it('streams a chat routed through OpenRouter, usage last', async () => {
    const { sdk } = await setup();
    const stream = await sdk().chat.send({ chatRequest: { model: ROUTED_MODEL, messages: hi, stream: true } });
    const chunks = await collect(stream as AsyncIterable<ChatStreamChunk>);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hello through OpenRouter');
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    expect(chunks.find((c) => c.choices[0]?.finishReason)?.choices[0]?.finishReason).toBe('stop');
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ promptTokens: 40, completionTokens: 8, cost: 0.00024 });
  });

  it('returns a tool call through a BYOK route, with the provider’s charge split into prompt and completion', async () => {
    const { sdk, openai } = await setup();
    openai.enqueue({ reply: { toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'Oslo' } }], usage: { prompt: 1000, completion: 500 } } });
    const result = (await sdk().chat.send({ chatRequest: { model: BYOK_MODEL, messages: hi, tools: [weatherTool] } })) as ChatResult;
    expect((openai.requests.at(-1)!.body as { tools: unknown[] }).tools).toHaveLength(1);
    expect(result.choices[0]).toMatchObject({
      finishReason: 'tool_calls',
      message: { role: 'assistant', toolCalls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] },
    });
    const usage = result.usage!;
    expect(usage).toMatchObject({ promptTokens: 1000, completionTokens: 500, cost: 0, isByok: true });
    const cost = usage.costDetails!;
    expect(cost.upstreamInferenceCost).toBeGreaterThan(0);
    expect(cost.upstreamInferencePromptCost).toBeGreaterThan(0);
    expect(cost.upstreamInferenceCompletionsCost).toBeGreaterThan(0);
    expect(cost.upstreamInferencePromptCost + cost.upstreamInferenceCompletionsCost).toBeCloseTo(cost.upstreamInferenceCost!, 12);
  });

  it('streams a tool call through a BYOK route, the usage chunk with the cost split', async () => {
    const { sdk, openai } = await setup();
    openai.enqueue({ reply: { toolCalls: [{ id: 'call_2', name: 'get_weather', arguments: { city: 'Lima' } }], usage: { prompt: 200, completion: 20 } } });
    const stream = await sdk().chat.send({ chatRequest: { model: BYOK_MODEL, messages: hi, tools: [weatherTool], stream: true } });
    const chunks = await collect(stream as AsyncIterable<ChatStreamChunk>);
    const calls = chunks.flatMap((c) => c.choices[0]?.delta.toolCalls ?? []);
    expect(calls[0]).toMatchObject({ index: 0, id: 'call_2', type: 'function', function: { name: 'get_weather' } });
    expect(calls.map((c) => c.function?.arguments ?? '').join('')).toBe('{"city":"Lima"}');
    const usage = chunks.at(-1)!.usage!;
    expect(usage).toMatchObject({ promptTokens: 200, completionTokens: 20, isByok: true });
    const cost = usage.costDetails!;
    expect(cost.upstreamInferencePromptCost + cost.upstreamInferenceCompletionsCost).toBeCloseTo(cost.upstreamInferenceCost!, 12);
  });
});

describe('models through @openrouter/sdk', () => {
  it('lists every model, as many as /models/count gives, and the SDK’s page iteration ends', async () => {
    const { sdk } = await setup();
    const all = await allModels(await sdk().models.list());
    const total = (await sdk().models.count()).data.count;
    expect(all).toHaveLength(total);
    expect(new Set(all.map((m) => m.id)).size).toBe(total);
    const gpt = all.find((m) => m.id === BYOK_MODEL)!;
    expect(gpt).toMatchObject({ canonicalSlug: expect.any(String), name: expect.any(String), links: { details: `/api/v1/models/${BYOK_MODEL}/endpoints` } });
    expect(gpt.supportedParameters).toContain('tools');
    expect(gpt.pricing.prompt).toMatch(/^\d+(\.\d+)?$/);
  });

  it('pages with offset and limit, and refuses a limit over 1000', async () => {
    const { sdk } = await setup();
    const all = (await sdk().models.list()).result.data;
    const paged = await sdk().models.list({ limit: 200 });
    expect(paged.result.data).toHaveLength(200);
    expect(paged.result.totalCount).toBe(all.length);
    expect(await allModels(paged)).toEqual(all);
    const page = (await sdk().models.list({ offset: 100, limit: 50 })).result;
    expect(page.data).toEqual(all.slice(100, 150));
    expect(page.links.next).toBe('/api/v1/models?offset=150&limit=50');
    const err = await sdk().models.list({ limit: 5000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestResponseError);
  });

  it('gives one model by its slug, the same entry the list has', async () => {
    const { sdk } = await setup();
    const list = (await sdk().models.list()).result.data;
    const one = await sdk().models.get({ author: 'openai', slug: 'gpt-4o' });
    expect(one.data).toEqual(list.find((m) => m.id === BYOK_MODEL));
  });

  it('lists a model’s endpoints, with the health Parley measured', async () => {
    const { sdk, openai } = await setup();
    // A paced stream, so the answer takes measurable time and has a speed.
    openai.enqueue({ reply: { text: 'one two three four five', usage: { prompt: 10, completion: 5 } }, tokensPerSecond: 100 });
    await collect((await sdk().chat.send({ chatRequest: { model: BYOK_MODEL, messages: hi, stream: true } })) as AsyncIterable<ChatStreamChunk>);
    const res = await sdk().endpoints.list({ author: 'openai', slug: 'gpt-4o' });
    expect(res.data.id).toBe(BYOK_MODEL);
    const byok = res.data.endpoints.find((e) => e.tag === 'openai')!;
    expect(byok).toMatchObject({
      providerName: 'OpenAI', modelId: BYOK_MODEL, status: 0, uptimeLast5m: 100, uptimeLast30m: 100, uptimeLast1d: null,
      latencyLast30m: { p50: expect.any(Number), p99: expect.any(Number) },
      supportsToolChoice: { auto: true, none: true, required: true, function: true },
    });
    expect(byok.throughputLast30m?.p50).toBeGreaterThan(0);
  });
});

describe('account routes through @openrouter/sdk', () => {
  it('describes the calling key', async () => {
    const { sdk, b } = await setup();
    const { token } = await call(b, 'apiKeys.create', { label: 'Notes app', limitMicros: 3_000_000 });
    await sdk(token).chat.send({ chatRequest: { model: BYOK_MODEL, messages: hi } });
    const { data } = await sdk(token).apiKeys.getCurrentKeyMetadata();
    expect(data).toMatchObject({
      label: 'Notes app', limit: 3, limitReset: null, includeByokInLimit: true, isFreeTier: false,
      isManagementKey: false, isProvisioningKey: false,
    });
    expect(data.usage).toBeGreaterThan(0);
    expect(data.byokUsage).toBe(data.usage);
    expect(data.limitRemaining).toBeCloseTo(3 - data.usage, 9);
  });

  it('gives a key with a limit its credits', async () => {
    const { sdk, b } = await setup();
    const { token } = await call(b, 'apiKeys.create', { label: 'Agent', limitMicros: 2_000_000 });
    await sdk(token).chat.send({ chatRequest: { model: BYOK_MODEL, messages: hi } });
    const { data } = await sdk(token).credits.getCredits();
    expect(data.totalUsage).toBeGreaterThan(0);
    expect(data.totalCredits).toBeCloseTo(2, 9);
  });

  it('describes a generation by its id', async () => {
    const { sdk } = await setup();
    const result = (await sdk().chat.send({ chatRequest: { model: BYOK_MODEL, messages: hi } })) as ChatResult;
    const { data } = await sdk().generations.getGeneration({ id: result.id });
    expect(data).toMatchObject({
      id: result.id, model: BYOK_MODEL, providerName: 'OpenAI', isByok: true, streamed: false, cancelled: false,
      finishReason: 'stop', tokensPrompt: 1000, tokensCompletion: 500, totalCost: 0, usage: 0,
      upstreamInferenceCost: result.usage!.costDetails!.upstreamInferenceCost,
      dataRegion: 'global', router: null, presetId: null,
      providerResponses: [{ providerName: 'OpenAI', status: 200 }],
    });
  });
});

describe('errors through @openrouter/sdk', () => {
  it('a wrong key is the SDK’s UnauthorizedResponseError (401)', async () => {
    const { sdk } = await setup();
    const err = await sdk('sk-parley-v1-wrong').chat.send({ chatRequest: { model: BYOK_MODEL, messages: hi } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnauthorizedResponseError);
    expect((err as UnauthorizedResponseError).error.code).toBe(401);
  });

  it('a key over its budget is PaymentRequiredResponseError (402), and nothing is sent', async () => {
    const { sdk, b, openai } = await setup();
    const { token } = await call(b, 'apiKeys.create', { label: 'Script', dailyMicros: 1 });
    // The key's budget cannot hold this request's worst case, so it is refused before anything is sent.
    const sent = openai.requests.length;
    const err = await sdk(token).chat.send({ chatRequest: { model: BYOK_MODEL, messages: hi } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PaymentRequiredResponseError);
    expect((err as PaymentRequiredResponseError).error).toMatchObject({ code: 402, metadata: { limit_source: 'key_daily_budget' } });
    expect(openai.requests.length).toBe(sent);
  });

  it('an unknown model is BadRequestResponseError (400)', async () => {
    const { sdk } = await setup();
    const err = await sdk().chat.send({ chatRequest: { model: 'no-such-model-anywhere', messages: hi } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestResponseError);
    expect((err as BadRequestResponseError).error.code).toBe(400);
  });

  it('an unknown generation or model is NotFoundResponseError (404)', async () => {
    const { sdk } = await setup();
    const err = await sdk().generations.getGeneration({ id: 'gen-nothing-here' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundResponseError);
    expect((err as NotFoundResponseError).error).toMatchObject({ code: 404, message: 'Generation gen-nothing-here not found for this key.' });
    const model = await sdk().models.get({ author: 'nobody', slug: 'nothing-here' }).catch((e: unknown) => e);
    expect(model).toBeInstanceOf(NotFoundResponseError);
    expect((model as NotFoundResponseError).error).toMatchObject({ code: 404, message: 'Model "nobody/nothing-here" not found.' });
  });
});
