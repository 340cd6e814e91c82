import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { openRouterChunks } from '../../../electron/engine/api/openrouter-chunks';
import { createEngine, type EngineOptions } from '../../../electron/engine/engine';
import { startLocalApi } from '../../../electron/engine/api/local-api';
import type { ChatCompletionChunk } from '../../../shared/openrouter/chat-response';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import { startFakeUpstream, type FakeUpstream } from '../../fakes';
import { watchConnections } from './support/connection-watch';

// The engine through the real provider adapters against the fake provider servers.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fake(kind: Parameters<typeof startFakeUpstream>[0], key?: string): Promise<FakeUpstream> {
  const f = await startFakeUpstream(kind, key ? { requireKey: key } : {});
  cleanups.push(() => f.close());
  return f;
}

const ANTHROPIC_KEY = 'sk-ant-api03-integration-KEY-0001';
const OR_KEY = 'sk-or-v1-integration-KEY-0002';

function engineOver(upstreams: EngineOptions['upstreams'], extra: Partial<EngineOptions> = {}) {
  const records: GenerationRecord[] = [];
  const logs: unknown[] = [];
  const engine = createEngine({
    upstreams,
    onGeneration: (r) => records.push(r),
    sleep: async () => {},
    logger: { info: (e, m) => logs.push([e, m]), warn: (e, m) => logs.push([e, m]) },
    ...extra,
  });
  return { engine, records, logs };
}

async function streamed(engine: ReturnType<typeof createEngine>, body: Record<string, unknown>, opts: { signal?: AbortSignal } = {}) {
  const chunks: ChatCompletionChunk[] = [];
  const result = await engine.chat({ messages: [{ role: 'user', content: 'hello' }], ...body, stream: true }, { ...opts, onEvent: openRouterChunks((c) => void chunks.push(c)) });
  const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
  return { result, chunks, text };
}

describe('engine over the real adapters', () => {
  it('serves anthropic/* from the Anthropic key with the native id, then reports usage', async () => {
    const anthropic = await fake('anthropic', ANTHROPIC_KEY);
    const openrouter = await fake('openrouter', OR_KEY);
    anthropic.enqueue({ reply: { text: 'Hello from Claude', usage: { prompt: 11, completion: 4, cacheRead: 3 } } });
    const { engine, records } = engineOver(() => [
      openrouter.upstream({ id: 'openrouter', label: 'OpenRouter', apiKey: OR_KEY }),
      anthropic.upstream({ id: 'anthropic', label: 'Anthropic', apiKey: ANTHROPIC_KEY }),
    ]);
    const { chunks, text } = await streamed(engine, { model: 'anthropic/claude-sonnet-4.5' });
    expect(text).toBe('Hello from Claude');
    expect(anthropic.requests[0]!.body).toMatchObject({ model: 'claude-sonnet-4-5', stream: true });
    expect(openrouter.requests).toHaveLength(0);
    expect(chunks[0]).toMatchObject({ model: 'anthropic/claude-sonnet-4.5', provider: 'Anthropic', object: 'chat.completion.chunk' });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 11, completion_tokens: 4, prompt_tokens_details: { cached_tokens: 3 } } });
    expect(records[0]).toMatchObject({ upstreamKind: 'anthropic', isByok: true, finishReason: 'stop', tokens: { prompt: 11, completion: 4, cacheRead: 3 } });
  });

  it('fails over from an overloaded Anthropic to OpenRouter, which reports cost and its provider', async () => {
    const anthropic = await fake('anthropic');
    const openrouter = await fake('openrouter');
    anthropic.enqueue({ status: 529, error: { type: 'overloaded_error', message: 'Overloaded' } });
    openrouter.enqueue({ reply: { text: 'From OpenRouter', provider: 'Anthropic', usage: { prompt: 9, completion: 3, cost: 0.0042 } }, generationId: 'gen-or-xyz' });
    const { engine, records } = engineOver(() => [
      anthropic.upstream({ id: 'anthropic', label: 'Anthropic' }),
      openrouter.upstream({ id: 'openrouter', label: 'OpenRouter' }),
    ]);
    const { text, chunks } = await streamed(engine, { model: 'anthropic/claude-sonnet-4.5' });
    expect(text).toBe('From OpenRouter');
    expect(openrouter.requests[0]!.body).toMatchObject({ model: 'anthropic/claude-sonnet-4.5', stream: true });
    expect(chunks.at(-1)!.usage).toMatchObject({ cost: 0.0042 });
    expect(records[0]).toMatchObject({
      upstreamId: 'openrouter', provider: 'Anthropic', fallbackUsed: true, reportedCostMicros: 4200, costSource: 'upstream', upstreamGenerationId: 'gen-or-xyz',
    });
    expect(records[0]!.attempts.map((a) => [a.upstreamId, a.status])).toEqual([['anthropic', 529], ['openrouter', 200]]);
  });

  it('serves google/* through Gemini and openai/* through an OpenAI-compatible server', async () => {
    const gemini = await fake('gemini');
    const openai = await fake('openai');
    gemini.enqueue({ reply: { text: 'Gemini says hi' } });
    openai.enqueue({ reply: { text: 'GPT says hi' } });
    const { engine } = engineOver(() => [
      gemini.upstream({ id: 'gemini', label: 'Google AI Studio' }),
      openai.upstream({ id: 'openai', label: 'OpenAI' }),
    ]);
    expect((await streamed(engine, { model: 'google/gemini-2.5-flash' })).text).toBe('Gemini says hi');
    expect(gemini.requests[0]!.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent');
    const result = await engine.chat({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'x' }] });
    expect(result.completion?.choices[0]?.message.content).toBe('GPT says hi');
    expect(openai.requests[0]!.body).toMatchObject({ model: 'gpt-4o' });
  });

  it('retries a 429 after its Retry-After on the only endpoint', async () => {
    const openrouter = await fake('openrouter');
    openrouter.enqueue({ status: 429, retryAfter: 3 }, { reply: { text: 'after the wait' } });
    const sleeps: number[] = [];
    const { engine } = engineOver(() => [openrouter.upstream()], { sleep: async (ms) => void sleeps.push(ms) });
    expect((await streamed(engine, { model: 'meta-llama/llama-3.3-70b-instruct' })).text).toBe('after the wait');
    expect(sleeps).toEqual([3000]);
  });

  it('keeps what was streamed and ends with an error chunk when the provider fails mid-stream', async () => {
    const anthropic = await fake('anthropic');
    const openrouter = await fake('openrouter');
    anthropic.enqueue({ reply: { text: ['one ', 'two ', 'three ', 'four'] }, midStreamError: { after: 4, message: 'Overloaded', type: 'overloaded_error' } });
    const { engine, records } = engineOver(() => [anthropic.upstream({ label: 'Anthropic' }), openrouter.upstream()]);
    const { chunks, text } = await streamed(engine, { model: 'anthropic/claude-sonnet-4.5' });
    expect(text.length).toBeGreaterThan(0);
    const last = chunks.at(-1)!;
    expect(last.error).toMatchObject({ code: 503, metadata: { error_type: 'provider_overloaded' } });
    expect(last.choices[0]!.finish_reason).toBe('error');
    expect(openrouter.requests).toHaveLength(0);
    expect(records[0]).toMatchObject({ finishReason: 'error', fallbackUsed: false, costReason: 'partial' });
    expect(records[0]!.tokens?.estimated).toBe(true);
  });

  it('treats a truncated stream after the first byte as a mid-stream failure', async () => {
    const openai = await fake('openai');
    openai.enqueue({ reply: { text: ['a ', 'b ', 'c'] }, endAfterChunks: 2 });
    const { engine } = engineOver(() => [openai.upstream({ label: 'OpenAI' })]);
    const { chunks } = await streamed(engine, { model: 'openai/gpt-4o' });
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('error');
    expect(chunks.at(-1)!.error?.message).toContain('OpenAI');
  });

  it('fails over when the first endpoint stalls past the TTFT timeout', async () => {
    const anthropic = await fake('anthropic');
    const openrouter = await fake('openrouter');
    anthropic.enqueue({ stallBeforeHeadersMs: Infinity });
    openrouter.enqueue({ reply: { text: 'rescued' } });
    const { engine, records } = engineOver(() => [anthropic.upstream(), openrouter.upstream()], { ttftTimeoutMs: 500 });
    expect((await streamed(engine, { model: 'anthropic/claude-sonnet-4.5' })).text).toBe('rescued');
    expect(records[0]!.attempts[0]).toMatchObject({ errorType: 'timeout', status: null });
  });

  it('hangs up on a stalled provider when the caller aborts', async () => {
    const anthropic = await fake('anthropic');
    const watch = await watchConnections(anthropic.port);
    cleanups.push(() => watch.close());
    anthropic.enqueue({ reply: { text: ['first ', 'second ', 'third'] }, stallAfterChunks: { after: 4 } }); // message_start, ping, block start, 'first '
    const { engine, records } = engineOver(() => [anthropic.upstream({ baseUrl: `http://127.0.0.1:${watch.port}` })]);
    const ctl = new AbortController();
    let abortedAt = 0;
    const result = await engine.chat(
      { model: 'anthropic/claude-sonnet-4.5', messages: [{ role: 'user', content: 'x' }], stream: true },
      {
        signal: ctl.signal,
        onEvent: openRouterChunks((c) => {
          if (c.choices[0]?.delta.content && !abortedAt) {
            abortedAt = performance.now();
            ctl.abort();
          }
        }),
      },
    );
    for (let i = 0; i < 200 && watch.closedAt.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(result.error?.status).toBe(499);
    expect(watch.closedAt).toHaveLength(1);
    expect(watch.closedAt[0]! - abortedAt).toBeLessThan(1000); // generous; typically a few ms
    expect(records[0]).toMatchObject({ cancelled: true });
  });

  it('names the upstream on a rejected key and never echoes it', async () => {
    const anthropic = await fake('anthropic', 'the-right-key-123456');
    const { engine, records, logs } = engineOver(() => [anthropic.upstream({ label: 'Anthropic', apiKey: ANTHROPIC_KEY })]);
    const result = await engine.chat({ model: 'anthropic/claude-sonnet-4.5', messages: [{ role: 'user', content: 'x' }] });
    expect(result.error).toMatchObject({ status: 401, error: { code: 401, metadata: { provider_name: 'Anthropic' } } });
    expect(result.error?.error.message).toContain('Anthropic rejected the API key');
    const all = JSON.stringify({ result, records, logs });
    expect(all).not.toContain(ANTHROPIC_KEY);
    expect(all).not.toContain(ANTHROPIC_KEY.slice(-4) + '.'); // the fake's masked echo
  });
});

describe('local API over the real adapters', () => {
  it('serves the openai client, streaming and not, from a fake OpenRouter', async () => {
    const openrouter = await fake('openrouter', OR_KEY);
    openrouter.setDefault({ reply: { text: 'Routed by Parley', usage: { prompt: 4, completion: 3, cost: 0.00001 } } });
    const { engine, records } = engineOver(() => [openrouter.upstream({ apiKey: OR_KEY })]);
    const api = await startLocalApi({ engine, token: 'local-token' });
    cleanups.push(() => api.close());
    const client = new OpenAI({ baseURL: api.url, apiKey: 'local-token', maxRetries: 0 });

    const completion = await client.chat.completions.create({ model: 'mistralai/mistral-large', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]!.message.content).toBe('Routed by Parley');
    expect(completion.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 3 });

    const stream = await client.chat.completions.create({ model: 'mistralai/mistral-large', messages: [{ role: 'user', content: 'hi' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Routed by Parley');
    expect(records.map((r) => [r.source, r.streamed])).toEqual([['local-api', false], ['local-api', true]]);
    expect(openrouter.requests[0]!.headers.authorization).toBe(`Bearer ${OR_KEY}`);
  });
});
