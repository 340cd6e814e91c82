import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { adapterFor } from '../../../../electron/engine/providers/registry';
import { generationIdFromHeaders } from '../../../../electron/engine/providers/openrouter';
import { parseErrorResponse } from '../../../../electron/engine/providers/common/upstream-errors';
import type { AdapterRequest, NormalizedEvent } from '../../../../electron/engine/types';
import type { ChatRequest } from '../../../../shared/openrouter/chat-request';
import { startFakeUpstream, type FakeKind, type FakeUpstream } from '../../../fakes';
import { summarize, usage } from './support/replay';

// Real HTTP round trips through global fetch against the fake provider servers: what each adapter sends, what
// it makes of each wire format, and how faults look to a caller.

const KEY = 'sk-roundtrip-key-0123456789abcdef';
const KINDS: FakeKind[] = ['openai', 'openrouter', 'anthropic', 'gemini'];
const fakes = {} as Record<FakeKind, FakeUpstream>;

beforeAll(async () => {
  for (const k of KINDS) fakes[k] = await startFakeUpstream(k, { requireKey: KEY, models: ['fake-a', 'fake-b'] });
});
afterAll(async () => {
  await Promise.all(KINDS.map((k) => fakes[k].close()));
});
beforeEach(() => {
  for (const k of KINDS) fakes[k].reset();
});

function areq(kind: FakeKind, body: Partial<ChatRequest> = {}, stream = true, apiKey = KEY): AdapterRequest {
  return {
    upstream: fakes[kind].upstream({ apiKey }),
    model: 'fake-model',
    body: { messages: [{ role: 'user', content: 'hello' }], ...body } as ChatRequest,
    stream,
  };
}

async function* chunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function call(r: AdapterRequest, signal?: AbortSignal) {
  const adapter = adapterFor(r.upstream.kind);
  const spec = adapter.buildRequest(r);
  const res = await fetch(spec.url, { method: spec.method, headers: spec.headers, body: spec.body, signal });
  if (!res.ok) return { res, error: parseErrorResponse(res.status, res.headers, await res.text(), r.upstream.label, [r.upstream.apiKey]) };
  if (!r.stream) return { res, events: adapter.parseResponse(await res.json(), r) };
  const events: NormalizedEvent[] = [];
  for await (const e of adapter.parseStream(chunks(res.body!), r)) events.push(e);
  return { res, events };
}

const reply = {
  text: 'Hello there, world.',
  reasoning: 'Thinking it over.',
  toolCalls: [{ name: 'lookup', arguments: { q: 'x' } }],
  usage: { prompt: 120, completion: 40, cacheRead: 100, reasoning: 8 },
};

describe.each(KINDS)('%s over HTTP', (kind) => {
  it('streams text, reasoning, a tool call and usage, and sends the key the provider way', async () => {
    fakes[kind].enqueue({ reply });
    const { res, events } = await call(areq(kind, { max_tokens: 64 }));
    expect(res.status).toBe(200);
    const s = summarize(events!);
    expect(s.errors).toEqual([]);
    expect(s.text).toBe('Hello there, world.');
    expect(s.reasoning).toBe('Thinking it over.');
    expect(s.toolCalls).toHaveLength(1);
    expect(s.toolCalls[0]).toMatchObject({ index: 0, name: 'lookup', arguments: '{"q":"x"}' });
    expect(s.finish?.reason).toBe('tool_calls');
    // Anthropic's wire has no separate reasoning count.
    expect(s.usage).toMatchObject({ promptTokens: 120, completionTokens: 40, cacheReadTokens: 100, reasoningTokens: kind === 'anthropic' ? 0 : 8 });

    const sent = fakes[kind].requests[0]!;
    expect(sent.method).toBe('POST');
    const body = sent.body as Record<string, unknown>;
    switch (kind) {
      case 'openai':
      case 'openrouter':
        expect(sent.path).toBe(kind === 'openai' ? '/v1/chat/completions' : '/api/v1/chat/completions');
        expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
        expect(body).toMatchObject({ model: 'fake-model', stream: true, max_tokens: 64, messages: [{ role: 'user', content: 'hello' }] });
        break;
      case 'anthropic':
        expect(sent.path).toBe('/v1/messages');
        expect(sent.headers['x-api-key']).toBe(KEY);
        expect(sent.headers['anthropic-version']).toBe('2023-06-01');
        expect(body).toMatchObject({ model: 'fake-model', stream: true, max_tokens: 64 });
        break;
      case 'gemini':
        expect(sent.url).toBe('/v1beta/models/fake-model:streamGenerateContent?alt=sse');
        expect(sent.headers['x-goog-api-key']).toBe(KEY);
        expect(body).toMatchObject({ contents: [{ role: 'user', parts: [{ text: 'hello' }] }], generationConfig: { maxOutputTokens: 64 } });
        break;
    }
  });

  it('parses the non-streaming answer', async () => {
    fakes[kind].enqueue({ reply: { text: 'Plain answer.', usage: { prompt: 7, completion: 3 } } });
    const { events } = await call(areq(kind, {}, false));
    const s = summarize(events!);
    expect(s.text).toBe('Plain answer.');
    expect(s.finish?.reason).toBe('stop');
    expect(s.usage).toMatchObject(usage(7, 3));
  });

  it('rejects a wrong key with a provider-shaped 401 whose message never repeats the key', async () => {
    const wrong = 'sk-wrong-key-ffffffffffffffffffff';
    const { error } = await call(areq(kind, {}, true, wrong));
    expect(error?.code).toBe(401);
    expect(error?.errorType).toBe('authentication');
    expect(error?.message).not.toContain(wrong);
    expect(error?.message).not.toContain('ffff'); // the masked echo is scrubbed too
    if (kind !== 'gemini') expect(error?.message).toContain('Incorrect API key provided: [redacted]');
  });

  it('reports 429 with Retry-After', async () => {
    fakes[kind].enqueue({ status: 429, retryAfter: 2 });
    const { res, error } = await call(areq(kind));
    expect(res.status).toBe(429);
    expect(error).toMatchObject({ code: 429, errorType: 'rate_limit_exceeded', retryAfterMs: 2000 });
    expect(error?.message).toContain(`Fake ${kind} returned HTTP 429`);
  });

  it('reports a 503 without Retry-After as retryable overload', async () => {
    fakes[kind].enqueue({ status: 503 });
    const { error } = await call(areq(kind));
    expect(error).toMatchObject({ code: 503, errorType: 'provider_overloaded' });
    expect(error?.retryAfterMs).toBeUndefined();
  });

  it('reports a malformed JSON frame as an error event', async () => {
    fakes[kind].enqueue({ reply: { text: 'one two three four' }, malformedAfterChunks: 2 });
    const s = summarize((await call(areq(kind))).events!);
    expect(s.errors).toEqual([expect.objectContaining({ code: 502, message: `Fake ${kind} sent malformed JSON in its stream` })]);
  });

  it('reports a stream that ends early as truncated', async () => {
    fakes[kind].enqueue({ reply: { text: 'one two three four' }, endAfterChunks: 3 });
    const s = summarize((await call(areq(kind))).events!);
    expect(s.finish).toBeUndefined();
    expect(s.errors).toEqual([expect.objectContaining({ code: 502, message: expect.stringContaining('stream ended before') })]);
  });

  it('reports a provider error frame mid-stream', async () => {
    fakes[kind].enqueue({ reply: { text: 'one two three four' }, midStreamError: { after: 3, message: 'Overloaded right now' } });
    const s = summarize((await call(areq(kind))).events!);
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]!.message).toContain('Overloaded right now');
    expect(s.errors[0]!.code).toBe(kind === 'openai' ? 502 : 503);
  });

  it('surfaces a connection reset mid-stream as a thrown network error', async () => {
    fakes[kind].enqueue({ reply: { text: 'one two three four five six' }, resetAfterChunks: 3 });
    await expect(call(areq(kind))).rejects.toThrow();
  });

  it('lets the caller abort a stalled stream', async () => {
    fakes[kind].enqueue({ reply: { text: 'one two three' }, stallAfterChunks: { after: 2 } });
    const ctl = new AbortController();
    const seen: NormalizedEvent[] = [];
    const r = areq(kind);
    const adapter = adapterFor(r.upstream.kind);
    const spec = adapter.buildRequest(r);
    const res = await fetch(spec.url, { method: 'POST', headers: spec.headers, body: spec.body, signal: ctl.signal });
    const reading = (async () => {
      for await (const e of adapter.parseStream(chunks(res.body!), r)) {
        seen.push(e);
        if (e.type === 'text' || e.type === 'reasoning' || e.type === 'start') setTimeout(() => ctl.abort(), 20);
      }
    })();
    await expect(reading).rejects.toThrow();
    expect(seen.some((e) => e.type === 'finish')).toBe(false);
  });

  it('lets the caller time out a server that stalls before headers', async () => {
    fakes[kind].enqueue({ stallBeforeHeadersMs: Infinity });
    // Give up only once the server holds the request, so the stalled request cannot take the next test's script.
    const ctl = new AbortController();
    const pending = call(areq(kind), ctl.signal);
    await vi.waitFor(() => expect(fakes[kind].requests).toHaveLength(1), { timeout: 10_000 });
    ctl.abort();
    await expect(pending).rejects.toThrow();
  });

  it('keeps the content identical with keep-alives, pacing and coalesced writes', async () => {
    const text = Array.from({ length: 300 }, (_, i) => `w${i} `);
    fakes[kind].enqueue({ reply: { text }, keepAliveEvery: 7, tokensPerSecond: 20_000, chunksPerWrite: 5 });
    const s = summarize((await call(areq(kind))).events!);
    expect(s.errors).toEqual([]);
    expect(s.text).toBe(text.join(''));
    expect(s.finish?.reason).toBe('stop');
  });

  it('lists models on GET …/models', async () => {
    const base = fakes[kind].url;
    const path = kind === 'anthropic' ? '/v1/models' : kind === 'gemini' ? '/v1beta/models' : '/models';
    const headers: Record<string, string> =
      kind === 'anthropic' ? { 'x-api-key': KEY } : kind === 'gemini' ? { 'x-goog-api-key': KEY } : { authorization: `Bearer ${KEY}` };
    const body = (await (await fetch(base + path, { headers })).json()) as Record<string, unknown>;
    expect(JSON.stringify(body)).toContain('fake-b');
    // like the real providers, listing models needs the key
    expect((await fetch(base + path)).status).toBeGreaterThanOrEqual(400);
  });
});

describe('provider specifics over HTTP', () => {
  it('OpenRouter: processing comment, X-Generation-Id, cost and BYOK', async () => {
    fakes.openrouter.enqueue({ reply: { text: 'hi', usage: { prompt: 3, completion: 1, cost: 0.0021, isByok: true } }, generationId: 'gen-abc' });
    const { res, events } = await call(areq('openrouter', { provider: { order: ['anthropic'] }, models: ['a/b'] } as Partial<ChatRequest>));
    expect(generationIdFromHeaders(res.headers)).toBe('gen-abc');
    expect(summarize(events!).usage).toEqual({ ...usage(3, 1), reportedCostUsd: 0.0021, isByok: true });
    const sent = fakes.openrouter.requests[0]!;
    expect(sent.headers['http-referer']).toBeTruthy();
    expect(sent.headers['x-openrouter-title']).toBe('Parley');
    expect(sent.body).toMatchObject({ provider: { order: ['anthropic'] }, models: ['a/b'] });
  });

  it('OpenRouter mid-stream error chunk carries the status and error_type', async () => {
    fakes.openrouter.enqueue({ reply: { text: 'a b c' }, midStreamError: { after: 2, status: 429, type: 'rate_limit_exceeded', message: 'Rate limit exceeded' } });
    const s = summarize((await call(areq('openrouter'))).events!);
    expect(s.errors).toEqual([{ code: 429, errorType: 'rate_limit_exceeded', message: 'Fake openrouter reported an error mid-stream: Rate limit exceeded' }]);
    expect(s.finish).toEqual({ reason: 'error', native: 'error' });
  });

  it('Anthropic overloaded HTTP 529 and mid-stream overloaded_error both become 503', async () => {
    fakes.anthropic.enqueue({ status: 529 }, { reply: { text: 'a b' }, midStreamError: { after: 3 } });
    expect((await call(areq('anthropic'))).error).toMatchObject({ code: 503, status: 529, errorType: 'provider_overloaded', providerCode: 'overloaded_error' });
    expect(summarize((await call(areq('anthropic'))).events!).errors[0]).toMatchObject({ code: 503, errorType: 'provider_overloaded' });
  });

  it('Anthropic without message_stop and Gemini without finishReason are errors; OpenAI without [DONE] is tolerated', async () => {
    fakes.anthropic.enqueue({ reply: { text: 'x y' }, omitTerminal: true });
    fakes.gemini.enqueue({ reply: { text: 'x y' }, omitTerminal: true });
    fakes.openai.enqueue({ reply: { text: 'x y' }, omitTerminal: true });
    expect(summarize((await call(areq('anthropic'))).events!).errors[0]?.message).toBe('Fake anthropic stream ended before message_stop');
    expect(summarize((await call(areq('gemini'))).events!).errors[0]?.message).toBe('Fake gemini stream ended before a finishReason');
    const openai = summarize((await call(areq('openai'))).events!);
    expect(openai.errors).toEqual([]);
    expect(openai.text).toBe('x y');
  });

  it('Gemini 429 carries the RetryInfo delay', async () => {
    fakes.gemini.enqueue({ status: 429, error: { message: 'Quota exceeded', retryDelaySeconds: 12 } });
    expect((await call(areq('gemini'))).error).toMatchObject({ code: 429, retryAfterMs: 12_000, providerCode: 'RESOURCE_EXHAUSTED' });
  });

  it('replays a recorded fixture through the fake server', async () => {
    fakes.anthropic.enqueue({ fixture: 'anthropic/anthropic-tool-no-args.chunks.txt', chunksPerWrite: 3 });
    const s = summarize((await call(areq('anthropic'))).events!);
    expect(s.text).toBe("I'll update the issue list for you.");
    expect(s.toolCalls).toEqual([{ index: 0, id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP', name: 'updateIssueList', arguments: '{}' }]);
    fakes.gemini.enqueue({ fixture: 'google/google-tool-call.chunks.txt' });
    expect(summarize((await call(areq('gemini'))).events!).finish).toEqual({ reason: 'tool_calls', native: 'STOP' });
  });

  it('uses a request-dependent default script', async () => {
    fakes.openai.setDefault((r) => ({ reply: { text: `echo ${(r.body as { model: string }).model}` } }));
    expect(summarize((await call(areq('openai'))).events!).text).toBe('echo fake-model');
  });

  it('streams 100,000 chunks when pacing is off', async () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `t${i % 10}`);
    fakes.openai.enqueue({ reply: { text, usage: null }, chunksPerWrite: 256 });
    const { events } = await call(areq('openai'));
    let n = 0;
    for (const e of events!) if (e.type === 'text') n++;
    expect(n).toBe(100_000);
    expect(events!.at(-1)).toEqual({ type: 'finish', reason: 'stop', native: 'stop' });
  }, 60_000);
});
