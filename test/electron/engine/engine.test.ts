import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRouterChunks } from '../../../electron/engine/api/openrouter-chunks';
import { createEngine, type EngineOptions } from '../../../electron/engine/engine';
import type { UpstreamConfig } from '../../../electron/engine/types';
import type { ChatCompletionChunk } from '../../../shared/openrouter/chat-response';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import { mockAdapterFor, upstream } from './support/mock-adapter';
import { startScriptedUpstream, stop, text, usage } from './support/scripted-upstream';

type Server = Awaited<ReturnType<typeof startScriptedUpstream>>;
let server: Server;
beforeEach(async () => {
  server = await startScriptedUpstream();
});
afterEach(async () => {
  await server.close();
});

const KEY_A = 'sk-ant-api03-SECRETSECRETSECRET-aaaa';
const KEY_OR = 'sk-or-v1-SECRETSECRETSECRET-bbbb';

function upstreams(): UpstreamConfig[] {
  return [
    upstream({ id: 'anthropic', kind: 'anthropic', label: 'Anthropic', baseUrl: server.baseUrl('anthropic'), apiKey: KEY_A }),
    upstream({ id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', baseUrl: server.baseUrl('openrouter'), apiKey: KEY_OR }),
  ];
}

function setup(extra: Partial<EngineOptions> = {}) {
  const records: GenerationRecord[] = [];
  const sleeps: number[] = [];
  const logs: unknown[] = [];
  const engine = createEngine({
    upstreams,
    adapterFor: mockAdapterFor,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onGeneration: (r) => records.push(structuredClone(r)),
    logger: { info: (e, m) => logs.push([e, m]), warn: (e, m) => logs.push([e, m]) },
    ...extra,
  });
  return { engine, records, sleeps, logs };
}

const ask = (model = 'anthropic/claude-sonnet-4.5', extra: Record<string, unknown> = {}) => ({
  model,
  messages: [{ role: 'user', content: 'Say hello in two words please' }],
  ...extra,
});

async function streamChat(engine: ReturnType<typeof setup>['engine'], body: Record<string, unknown>, opts: { signal?: AbortSignal } = {}) {
  const chunks: ChatCompletionChunk[] = [];
  const result = await engine.chat({ ...body, stream: true }, { ...opts, onEvent: openRouterChunks((c) => void chunks.push(c)) });
  return { result, chunks };
}

describe('output shape', () => {
  it('streams OpenRouter-shaped chunks ending with a usage chunk that carries the cost', async () => {
    server.script('anthropic', { events: [{ type: 'start', model: 'claude-sonnet-4-5' }, text('Hello'), text(' there'), stop, usage(12, 3)] });
    const { engine, records } = setup({ priceUsage: (_m, _u, t) => ({ micros: t.prompt * 3 + t.completion * 15 }) });
    const { result, chunks } = await streamChat(engine, ask());
    expect(result.error).toBeUndefined();
    const id = chunks[0]!.id;
    expect(id).toMatch(/^gen-\d+-[A-Za-z0-9]{20}$/);
    for (const c of chunks) {
      expect(c).toMatchObject({ id, object: 'chat.completion.chunk', model: 'anthropic/claude-sonnet-4.5', provider: 'Anthropic' });
    }
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: 'Hello' });
    expect(chunks[1]!.choices[0]!.delta).toEqual({ content: ' there' });
    expect(chunks[2]!.choices[0]).toMatchObject({ finish_reason: 'stop', native_finish_reason: 'stop' });
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    // A direct key: Parley charges nothing (cost 0) and the provider's charge is the upstream cost, as OpenRouter
    // reports BYOK (docs/openrouter-api.md §3).
    expect(last.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 3, total_tokens: 15, cost: 0, is_byok: true, cost_details: { upstream_inference_cost: 0.000081 } });
    expect(result.completion?.choices[0]?.message.content).toBe('Hello there');
    expect(records[0]).toMatchObject({ id, computedCostMicros: 81, costMicros: 81, costSource: 'computed', streamed: true });
    // The upstream got the native id and was asked to stream.
    expect(server.seen[0]!.body).toMatchObject({ model: 'claude-sonnet-4-5', stream: true });
  });

  it('answers non-streaming callers with a chat.completion and no chunks', async () => {
    server.script('anthropic', {
      events: [
        text('Calling'),
        { type: 'tool_call', index: 0, id: 'call_1', name: 'get_weather' },
        { type: 'tool_call', index: 0, argumentsDelta: '{"city":' },
        { type: 'tool_call', index: 0, argumentsDelta: '"Oslo"}' },
        { type: 'finish', reason: 'tool_calls', native: 'tool_use' },
        usage(20, 9),
      ],
    });
    const { engine } = setup();
    const chunks: ChatCompletionChunk[] = [];
    const result = await engine.chat(ask(), { onEvent: openRouterChunks((c) => void chunks.push(c)) });
    expect(chunks).toEqual([]);
    expect(result.completion).toMatchObject({
      object: 'chat.completion',
      model: 'anthropic/claude-sonnet-4.5',
      provider: 'Anthropic',
      choices: [{
        index: 0,
        finish_reason: 'tool_calls',
        native_finish_reason: 'tool_use',
        message: { role: 'assistant', content: 'Calling', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] },
      }],
      usage: { prompt_tokens: 20, completion_tokens: 9 },
    });
    expect(result.record.streamed).toBe(false);
  });

  it('reports OpenRouter cost, the provider it chose and its generation id', async () => {
    server.script('openrouter', {
      headers: { 'x-generation-id': 'gen-upstream-1' },
      events: [{ type: 'start', model: 'meta-llama/llama-3.3-70b-instruct', provider: 'DeepInfra' }, text('Hi'), stop, usage(5, 1, { reportedCostUsd: 0.000123 })],
    });
    const { engine, records } = setup();
    const { chunks } = await streamChat(engine, ask('meta-llama/llama-3.3-70b-instruct'));
    expect(chunks[0]).toMatchObject({ model: 'meta-llama/llama-3.3-70b-instruct', provider: 'DeepInfra' });
    expect(chunks.at(-1)!.usage).toMatchObject({ cost: 0.000123, is_byok: false });
    expect(records[0]).toMatchObject({
      upstreamId: 'openrouter', upstreamKind: 'openrouter', provider: 'DeepInfra', isByok: false,
      reportedCostMicros: 123, costMicros: 123, costSource: 'upstream', upstreamGenerationId: 'gen-upstream-1',
    });
  });
});

describe('generation record', () => {
  it('holds every field of a served request', async () => {
    let t = 1_700_000_000_000;
    server.script('anthropic', { status: 529, errorBody: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' });
    server.script('openrouter', { events: [{ type: 'start', provider: 'Anthropic' }, text('abcd'), stop, usage(10, 4, { cacheReadTokens: 2, reasoningTokens: 1 })] });
    const { engine, records } = setup({ now: () => (t += 10) });
    const result = await engine.chat(ask(), { source: 'local-api' });
    const r = records[0]!;
    expect(r).toEqual(result.record);
    expect(r).toMatchObject({
      requestedModel: 'anthropic/claude-sonnet-4.5',
      model: 'anthropic/claude-sonnet-4.5',
      upstreamId: 'openrouter',
      upstreamKind: 'openrouter',
      provider: 'Anthropic',
      tokens: { prompt: 10, completion: 4, cacheRead: 2, cacheWrite: 0, reasoning: 1 },
      costSource: 'none',
      costReason: 'no-pricing',
      finishReason: 'stop',
      nativeFinishReason: 'stop',
      isByok: false,
      streamed: false,
      cancelled: false,
      fallbackUsed: true,
      source: 'local-api',
    });
    expect(r.attempts).toHaveLength(2);
    expect(r.attempts[0]).toMatchObject({ upstreamId: 'anthropic', provider: 'Anthropic', model: 'claude-sonnet-4-5', status: 529, errorType: 'http' });
    expect(r.attempts[0]!.error).toBe('Anthropic returned HTTP 529: Overloaded');
    expect(r.attempts[1]).toMatchObject({ upstreamId: 'openrouter', model: 'anthropic/claude-sonnet-4.5', status: 200 });
    expect(r.ttftMs).toBeGreaterThan(0);
    expect(r.durationMs).toBeGreaterThanOrEqual(r.ttftMs!);
    expect(r.tokensPerSecond).toBeGreaterThan(0);
    expect(r.costMicros).toBeUndefined();
    expect(r.error).toBeUndefined();
  });

  it('records the error of a request that failed everywhere', async () => {
    server.script('anthropic', { status: 400, errorBody: '{"error":{"message":"prompt is too long"}}' });
    server.script('openrouter', { status: 400, errorBody: '{"error":{"message":"context length exceeded"}}' });
    const { engine, records } = setup();
    const result = await engine.chat(ask());
    expect(result.error).toMatchObject({ status: 400, error: { code: 400, message: 'OpenRouter returned HTTP 400: context length exceeded' } });
    expect(result.error?.error.metadata).toMatchObject({ provider_name: 'OpenRouter', previous_errors: [{ provider: 'Anthropic', code: 400, status: 400 }] });
    expect(records[0]).toMatchObject({ model: null, tokens: null, costSource: 'none', error: { code: 400 }, attempts: [{ status: 400 }, { status: 400 }] });
  });
});

describe('cost without reported usage', () => {
  it('estimates tokens at chars/4 when a finished stream carried no usage', async () => {
    server.script('anthropic', { events: [text('12345678'), stop] });
    const { engine, records } = setup({ priceUsage: (_m, _u, t) => ({ micros: t.completion * 10 }) });
    await engine.chat(ask());
    expect(records[0]).toMatchObject({
      tokens: { prompt: 8, completion: 2, estimated: true }, computedCostMicros: 20, costSource: 'computed', costReason: 'no-usage',
    });
  });

  it('prices a local server at zero', async () => {
    const local = upstream({ id: 'local:ollama', kind: 'openai-compatible', label: 'Ollama', baseUrl: server.baseUrl('ollama'), models: ['llama3'] });
    server.script('ollama', { events: [text('hi'), stop, usage(4, 1)] });
    const { engine, records } = setup({ upstreams: () => [local] });
    await engine.chat(ask('ollama/llama3'));
    expect(records[0]).toMatchObject({ model: 'ollama/llama3', provider: 'Ollama', costMicros: 0, costSource: 'computed', costReason: 'free', isByok: true });
  });

  it('says why a cost is unknown', async () => {
    server.script('anthropic', { events: [text('hi'), stop, usage(4, 1)] });
    const { engine, records } = setup({ priceUsage: () => ({ reason: 'no-pricing' }) });
    await engine.chat(ask());
    expect(records[0]).toMatchObject({ costSource: 'none', costReason: 'no-pricing' });
    expect(records[0]!.costMicros).toBeUndefined();
  });
});

describe('failover and retry before the first byte', () => {
  it('moves to the next endpoint on 5xx without sleeping', async () => {
    server.script('anthropic', { status: 500, errorBody: 'boom' });
    server.script('openrouter', { events: [text('ok'), stop] });
    const { engine, sleeps, records } = setup();
    const { result, chunks } = await streamChat(engine, ask());
    expect(result.completion?.choices[0]?.message.content).toBe('ok');
    expect(chunks[0]!.provider).toBe('OpenRouter');
    expect(sleeps).toEqual([]);
    expect(records[0]!.attempts.map((a) => a.status)).toEqual([500, 200]);
  });

  it.each([408, 409, 429, 502, 503, 529])('fails over on %i', async (status) => {
    server.script('anthropic', { status });
    server.script('openrouter', { events: [text('ok'), stop] });
    const { engine } = setup();
    expect((await engine.chat(ask())).record.upstreamId).toBe('openrouter');
  });

  it('fails over on a stream error before any content', async () => {
    server.script('anthropic', { events: [{ type: 'start' }, { type: 'error', code: 529, message: 'Overloaded', errorType: 'provider_overloaded' }] });
    server.script('openrouter', { events: [text('ok'), stop] });
    const { engine, records } = setup();
    const { result } = await streamChat(engine, ask());
    expect(result.completion?.choices[0]?.message.content).toBe('ok');
    expect(records[0]!.attempts[0]).toMatchObject({ status: 529, errorType: 'stream' });
  });

  it('fails over on a network error', async () => {
    const dead = upstream({ id: 'anthropic', kind: 'anthropic', label: 'Anthropic', baseUrl: 'http://127.0.0.1:1', apiKey: KEY_A });
    server.script('openrouter', { events: [text('ok'), stop] });
    const { engine, records } = setup({ upstreams: () => [dead, upstreams()[1]!] });
    const result = await engine.chat(ask());
    expect(result.completion?.choices[0]?.message.content).toBe('ok');
    expect(records[0]!.attempts[0]).toMatchObject({ status: null, errorType: 'network' });
    expect(records[0]!.attempts[0]!.error).toContain('Could not reach Anthropic');
  });

  it('retries the last endpoint with exponential backoff and jitter, bounded', async () => {
    server.script('openrouter', { status: 503 }, { status: 503 }, { events: [text('third time'), stop] });
    const { engine, sleeps, records } = setup({ upstreams: () => [upstreams()[1]!] });
    const result = await engine.chat(ask());
    expect(result.completion?.choices[0]?.message.content).toBe('third time');
    expect(sleeps).toEqual([500, 1000]); // random 0.5 → jitter factor 1
    expect(records[0]!.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(records[0]!.fallbackUsed).toBe(false); // same endpoint, retried

    server.script('openrouter', { status: 503 });
    const again = setup({ upstreams: () => [upstreams()[1]!], random: () => 0 });
    const failed = await again.engine.chat(ask());
    expect(failed.error?.status).toBe(503);
    expect(again.sleeps).toEqual([375, 750]);
    expect(again.records[0]!.attempts).toHaveLength(3);
  });

  it('honours Retry-After up to 60 s', async () => {
    server.script('openrouter', { status: 429, headers: { 'retry-after': '7' } }, { events: [text('ok'), stop] });
    const { engine, sleeps } = setup({ upstreams: () => [upstreams()[1]!] });
    expect((await engine.chat(ask())).completion?.choices[0]?.message.content).toBe('ok');
    expect(sleeps).toEqual([7000]);
  });

  it('gives up at once when Retry-After is over 60 s', async () => {
    server.script('openrouter', { status: 429, headers: { 'retry-after': '120' }, errorBody: '{"error":{"message":"Rate limit exceeded"}}' });
    const { engine, sleeps } = setup({ upstreams: () => [upstreams()[1]!] });
    const result = await engine.chat(ask());
    expect(sleeps).toEqual([]);
    expect(result.error).toMatchObject({ status: 429, error: { code: 429, metadata: { error_type: 'rate_limit_exceeded', retry_after_seconds: 120 } } });
    expect(result.error?.error.message).toBe('OpenRouter returned HTTP 429: Rate limit exceeded');
  });

  it('does not retry a 400 on the same endpoint', async () => {
    server.script('openrouter', { status: 400, errorBody: '{"error":{"message":"bad"}}' });
    const { engine, sleeps, records } = setup({ upstreams: () => [upstreams()[1]!] });
    expect((await engine.chat(ask())).error?.status).toBe(400);
    expect(sleeps).toEqual([]);
    expect(records[0]!.attempts).toHaveLength(1);
  });

  it('fails over from a rejected key and names the upstream, never the key', async () => {
    server.script('anthropic', { status: 401, errorBody: `{"error":{"message":"invalid x-api-key ${KEY_A}"}}` });
    server.script('openrouter', { events: [text('ok'), stop] });
    const { engine } = setup();
    expect((await engine.chat(ask())).record.upstreamId).toBe('openrouter');

    const only = setup({ upstreams: () => [upstreams()[0]!] });
    const result = await only.engine.chat(ask());
    expect(result.error).toMatchObject({ status: 401, error: { code: 401, metadata: { provider_name: 'Anthropic', error_type: 'authentication' } } });
    expect(result.error?.error.message).toContain('Anthropic rejected the API key');
  });

  it.each([402, 403, 404])('fails over on %i and returns it when nothing is left', async (status) => {
    server.script('anthropic', { status });
    server.script('openrouter', { status });
    const { engine, records } = setup();
    const result = await engine.chat(ask());
    expect(result.error?.status).toBe(status);
    expect(records[0]!.attempts).toHaveLength(2);
  });

  it('fails over when the first endpoint sends nothing before the TTFT timeout', async () => {
    server.script('anthropic', { stallBeforeHeaders: true });
    server.script('openrouter', { events: [text('ok'), stop] });
    const { engine, records } = setup({ ttftTimeoutMs: 500 });
    const result = await engine.chat(ask());
    expect(result.completion?.choices[0]?.message.content).toBe('ok');
    expect(records[0]!.attempts[0]).toMatchObject({ errorType: 'timeout', status: null });
    expect(records[0]!.attempts[0]!.error).toBe('Anthropic sent no output within 0.5 s');
  });

  it('counts headers without tokens as no first token', async () => {
    server.script('anthropic', { events: [{ type: 'start' }], stall: true });
    server.script('openrouter', { events: [text('ok'), stop] });
    const { engine, records } = setup({ ttftTimeoutMs: 500 });
    expect((await engine.chat(ask())).record.upstreamId).toBe('openrouter');
    expect(records[0]!.attempts[0]!.errorType).toBe('timeout');
    for (let i = 0; i < 200 && !server.closed.some((c) => c.upstreamId === 'anthropic'); i++) await new Promise((r) => setTimeout(r, 5));
    expect(server.closed.some((c) => c.upstreamId === 'anthropic')).toBe(true);
  });

  it('returns 408 when the only endpoint times out', async () => {
    server.script('openrouter', { stallBeforeHeaders: true });
    const { engine } = setup({ ttftTimeoutMs: 100, maxRetries: 0, upstreams: () => [upstreams()[1]!] });
    const result = await engine.chat(ask());
    expect(result.error).toMatchObject({ status: 408, error: { code: 408, metadata: { error_type: 'timeout' } } });
  });
});

describe('after the first byte', () => {
  it('ends a broken stream with an error chunk, keeps the text and does not fail over', async () => {
    server.script('anthropic', { events: [text('Partial '), text('answer'), { type: 'error', code: 529, message: 'Overloaded', errorType: 'provider_overloaded' }] });
    server.script('openrouter', { events: [text('should not be used'), stop] });
    const { engine, records } = setup();
    const { result, chunks } = await streamChat(engine, ask());
    expect(chunks.map((c) => c.choices[0]?.delta.content)).toEqual(['Partial ', 'answer', '']);
    const last = chunks.at(-1)!;
    expect(last.error).toMatchObject({ code: 503, metadata: { error_type: 'provider_overloaded', provider_name: 'Anthropic' } });
    expect(last.choices[0]).toMatchObject({ finish_reason: 'error' });
    expect(server.seen.map((s) => s.upstreamId)).toEqual(['anthropic']);
    expect(result.completion?.choices[0]).toMatchObject({ finish_reason: 'error', message: { content: 'Partial answer' }, error: { code: 503 } });
    expect(records[0]).toMatchObject({
      finishReason: 'error', error: { code: 503 }, fallbackUsed: false,
      tokens: { completion: 4, estimated: true }, costReason: 'partial',
    });
  });

  it('ends with an error chunk when the connection drops mid-stream', async () => {
    server.script('anthropic', { events: [text('Half')], destroyAfterEvents: true });
    const { engine, records } = setup();
    const { chunks } = await streamChat(engine, ask());
    expect(chunks[0]!.choices[0]!.delta.content).toBe('Half');
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('error');
    expect(chunks.at(-1)!.error?.code).toBeGreaterThanOrEqual(500);
    expect(records[0]!.attempts).toHaveLength(1);
    expect(records[0]!.tokens?.estimated).toBe(true);
  });

  it('marks the endpoint unhealthy after a mid-stream failure', async () => {
    server.script('anthropic', { events: [text('x'), { type: 'error', code: 500, message: 'boom' }] });
    const { engine } = setup();
    await engine.chat(ask());
    expect(engine.health().find((h) => h.upstreamId === 'anthropic')).toMatchObject({ recentlyFailed: true, failures: 1, lastFailureKind: 'stream' });
  });
});

describe('cancellation', () => {
  it('aborts a stalled upstream request at once: the server sees the socket close', async () => {
    server.script('anthropic', { stallBeforeHeaders: true });
    const { engine, records } = setup();
    const ctl = new AbortController();
    const pending = engine.chat(ask(), { signal: ctl.signal });
    while (server.seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    const abortedAt = performance.now();
    ctl.abort();
    const result = await pending;
    for (let i = 0; i < 200 && !server.closed.length; i++) await new Promise((r) => setTimeout(r, 5));
    expect(server.closed).toHaveLength(1);
    const latency = server.closed[0]!.at - abortedAt;
    expect(latency).toBeLessThan(1000); // generous bound; measured locally at a few ms
    expect(result.error).toMatchObject({ status: 499, error: { code: 499 } });
    expect(records[0]).toMatchObject({ cancelled: true, attempts: [{ errorType: 'aborted' }] });
    expect(records[0]!.error).toBeUndefined();
    expect(server.seen.map((s) => s.upstreamId)).toEqual(['anthropic']); // no failover after a cancel
  });

  it('aborts mid-stream and records what was streamed', async () => {
    server.script('anthropic', { events: [text('Hello '), text('world')], stall: true });
    const { engine, records } = setup();
    const ctl = new AbortController();
    const chunks: ChatCompletionChunk[] = [];
    const result = await engine.chat({ ...ask(), stream: true }, {
      signal: ctl.signal,
      onEvent: openRouterChunks((c) => {
        chunks.push(c);
        if (chunks.length === 2) ctl.abort();
      }),
    });
    expect(result.error?.status).toBe(499);
    for (let i = 0; i < 200 && !server.closed.length; i++) await new Promise((r) => setTimeout(r, 5));
    expect(server.closed).toHaveLength(1);
    expect(records[0]).toMatchObject({ cancelled: true, model: 'anthropic/claude-sonnet-4.5', tokens: { completion: 3, estimated: true } });
    expect(records[0]!.ttftMs).not.toBeNull();
  });

  it('does not start when the signal is already aborted', async () => {
    const { engine } = setup();
    const result = await engine.chat(ask(), { signal: AbortSignal.abort() });
    expect(result.error?.status).toBe(499);
    expect(server.seen).toHaveLength(0);
  });
});

describe('errors and secrets', () => {
  it('rejects an invalid request with a 400 that says what is wrong', async () => {
    const { engine, records } = setup();
    const result = await engine.chat({ model: 'x/y', messages: [] });
    expect(result.error).toMatchObject({ status: 400, error: { code: 400 } });
    expect(result.error?.error.message).toMatch(/^Invalid request: .*messages/);
    expect(records[0]).toMatchObject({ requestedModel: 'x/y', error: { code: 400 } });
  });

  it('turns a failing hook into a 500 with a record instead of rejecting', async () => {
    const { engine, records, logs } = setup({ upstreams: () => { throw new Error(`vault broken ${KEY_A}`); } });
    const result = await engine.chat(ask());
    expect(result.error).toMatchObject({ status: 500, error: { code: 500, message: 'Internal error in the routing engine.' } });
    expect(records).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain(KEY_A);

    server.script('anthropic', { events: [text('hi'), stop] });
    const broken = setup({ adapterFor: () => { throw new Error('no adapter'); } });
    expect((await broken.engine.chat(ask())).error?.status).toBe(500);
  });

  it('answers 404 for a model nothing serves', async () => {
    const { engine } = setup({ upstreams: () => [upstreams()[0]!] });
    const result = await engine.chat(ask('mistralai/mistral-large'));
    expect(result.error).toMatchObject({ status: 404, error: { code: 404 } });
  });

  it('never lets a key reach a result, chunk, record or log line', async () => {
    const echo = (key: string) => `{"error":{"message":"Incorrect API key provided: ${key}. Also Bearer ${key}"}}`;
    server.script('anthropic', { status: 400, errorBody: echo(KEY_A) });
    server.script('openrouter', { events: [text('Hi'), { type: 'error', code: 500, message: `upstream said ${KEY_OR}` }] });
    const { engine, records, logs } = setup();
    const { result, chunks } = await streamChat(engine, ask());
    const everything = JSON.stringify({ result, chunks, records, logs, health: engine.health() });
    expect(everything).not.toContain(KEY_A);
    expect(everything).not.toContain(KEY_OR);
    expect(everything).not.toContain('SECRETSECRET');
    expect(everything).toContain('[redacted]');
    expect(server.seen[0]!.headers.authorization).toBe(`Bearer ${KEY_A}`); // the key did go upstream
  });

  it('scrubs a key added between two requests: a new upstream list brings its keys into the scrubber', async () => {
    const plainKey = 'plainkeyvalue0123456789'; // not key-shaped: only knowing it removes it
    let list = [upstreams()[0]!];
    const { engine, records, logs } = setup({ upstreams: () => list });
    server.script('anthropic', { events: [text('a'), stop] });
    expect((await engine.chat(ask())).error).toBeUndefined();
    list = [upstreams()[0]!, upstream({ id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', baseUrl: server.baseUrl('openrouter'), apiKey: plainKey })];
    server.script('anthropic', { status: 500, errorBody: `{"error":{"message":"upstream saw ${plainKey}"}}` });
    server.script('openrouter', { status: 500, errorBody: `{"error":{"message":"also saw ${plainKey}"}}` });
    const result = await engine.chat(ask());
    expect(result.error?.status).toBeGreaterThanOrEqual(500);
    const everything = JSON.stringify({ result, records, logs });
    expect(everything).not.toContain(plainKey);
    expect(everything).toContain('[redacted]');
  });

  it('logs metadata only, never message text', async () => {
    server.script('anthropic', { events: [text('The secret recipe'), stop, usage(3, 3)] });
    const { engine, logs } = setup();
    await engine.chat(ask('anthropic/claude-sonnet-4.5', { messages: [{ role: 'user', content: 'Tell me the secret recipe' }] }));
    expect(JSON.stringify(logs)).not.toContain('recipe');
    expect(logs).toContainEqual(['generation', expect.objectContaining({ model: 'anthropic/claude-sonnet-4.5', status: 200, promptTokens: 3 })]);
  });
});

describe('connections', () => {
  it('reuses one kept-alive upstream connection for sequential requests, including after errors', async () => {
    server.script('anthropic', { events: [text('a'), stop, usage(1, 1)] }, { status: 429, errorBody: '{"error":{"message":"slow down"}}' }, { events: [text('b'), stop] });
    const { engine } = setup({ upstreams: () => [upstreams()[0]!] });
    for (let i = 0; i < 5; i++) await engine.chat(ask());
    expect(server.seen).toHaveLength(6); // one 429 retried
    expect(server.connections()).toBe(1);
  });

  it('hangs up on a connection whose stream it abandoned', async () => {
    server.script('anthropic', { events: [text('a'), { type: 'error', code: 500, message: 'x' }, text('never read')], stall: true }, { events: [text('b'), stop] });
    const { engine } = setup({ upstreams: () => [upstreams()[0]!] });
    await engine.chat(ask());
    await engine.chat(ask());
    expect(server.connections()).toBe(2);
  });
});

describe('injected fetch', () => {
  it('routes through an injected fetch, and aborting it still hangs up', async () => {
    server.script('anthropic', { events: [text('via fetch'), stop] });
    const calls: string[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    const { engine } = setup({ fetch: fetchSpy, upstreams: () => [upstreams()[0]!] });
    expect((await engine.chat(ask())).completion?.choices[0]?.message.content).toBe('via fetch');
    expect(calls).toEqual([`${server.baseUrl('anthropic')}/chat`]);

    server.script('anthropic', { stallBeforeHeaders: true });
    const ctl = new AbortController();
    const pending = engine.chat(ask(), { signal: ctl.signal });
    while (server.seen.length < 2) await new Promise((r) => setTimeout(r, 5));
    ctl.abort();
    expect((await pending).error?.status).toBe(499);
    for (let i = 0; i < 200 && server.closed.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(server.closed).toHaveLength(2);
  });
});

describe('route preview', () => {
  it('lists the endpoints in the order they would be tried', () => {
    const { engine } = setup();
    expect(engine.preview(ask())).toEqual({
      ok: true,
      endpoints: [
        { upstreamId: 'anthropic', provider: 'Anthropic', model: 'anthropic/claude-sonnet-4.5', nativeModel: 'claude-sonnet-4-5', isByok: true },
        { upstreamId: 'openrouter', provider: 'OpenRouter', model: 'anthropic/claude-sonnet-4.5', nativeModel: 'anthropic/claude-sonnet-4.5', isByok: false },
      ],
    });
  });
});
