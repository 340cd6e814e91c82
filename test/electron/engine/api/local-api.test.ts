import { request } from 'node:http';
import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../electron/engine/engine';
import { startLocalApi, type LocalApi } from '../../../../electron/engine/api/local-api';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import { mockAdapterFor, upstream } from '../support/mock-adapter';
import { startScriptedUpstream, stop, text, usage } from '../support/scripted-upstream';

type Server = Awaited<ReturnType<typeof startScriptedUpstream>>;
let fake: Server;
let api: LocalApi;
let records: GenerationRecord[];
const TOKEN = 'test-token-0123456789';
const KEY = 'sk-or-v1-THISISTHEKEY-9999';

beforeEach(async () => {
  fake = await startScriptedUpstream();
  records = [];
  const engine = createEngine({
    upstreams: () => [upstream({ id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', baseUrl: fake.baseUrl('openrouter'), apiKey: KEY })],
    adapterFor: mockAdapterFor,
    onGeneration: (r) => records.push(r),
    sleep: async () => {},
  });
  api = await startLocalApi({ engine, token: TOKEN, data: { models: () => [{ id: 'openai/gpt-4o', name: 'GPT-4o' }] } });
});
afterEach(async () => {
  await api.close();
  await fake.close();
});

const client = (token = TOKEN) => new OpenAI({ baseURL: api.url, apiKey: token, maxRetries: 0 });

function rawRequest(path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: api.port, path, method: body ? 'POST' : 'GET', headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('local API through the official openai client', () => {
  it('answers a non-streaming chat completion', async () => {
    fake.script('openrouter', { events: [{ type: 'start', provider: 'OpenAI' }, text('Hello from Parley'), stop, usage(9, 4, { reportedCostUsd: 0.00002 })] });
    const completion = await client().chat.completions.create({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.id).toMatch(/^gen-/);
    expect(completion.model).toBe('openai/gpt-4o');
    expect(completion.choices[0]!.message.content).toBe('Hello from Parley');
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 });
    expect(records[0]).toMatchObject({ source: 'local-api', streamed: false, id: completion.id });
  });

  it('streams chunks and the final usage chunk', async () => {
    fake.script('openrouter', { events: [text('One '), text('two '), text('three'), stop, usage(5, 3)] });
    const stream = await client().chat.completions.create({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'count' }], stream: true });
    let content = '';
    let last: OpenAI.Chat.Completions.ChatCompletionChunk | undefined;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? '';
      last = chunk;
    }
    expect(content).toBe('One two three');
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 3 });
    expect(records[0]).toMatchObject({ source: 'local-api', streamed: true, finishReason: 'stop' });
  });

  it('surfaces a mid-stream failure as an API error after the streamed text', async () => {
    fake.script('openrouter', { events: [text('Par'), { type: 'error', code: 502, message: 'upstream died' }] });
    const stream = await client().chat.completions.create({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'x' }], stream: true });
    let content = '';
    await expect((async () => {
      for await (const chunk of stream) content += chunk.choices[0]?.delta.content ?? '';
    })()).rejects.toThrow(/OpenRouter: upstream died/);
    expect(content).toBe('Par');
  });

  it('returns OpenRouter error envelopes with their status', async () => {
    const err = await client().chat.completions.create({ model: 'openai/gpt-4o:bogus', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as InstanceType<typeof OpenAI.BadRequestError>).status).toBe(400);
    expect((err as Error).message).toContain('Unknown model variant ":bogus"');

    fake.script('openrouter', { status: 401, errorBody: `{"error":{"message":"bad key ${KEY}"}}` });
    const auth = await client().chat.completions.create({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((auth as Error).message).toContain('OpenRouter rejected the API key');
    expect(JSON.stringify(auth)).not.toContain(KEY);
    expect((auth as Error).message).not.toContain(KEY);
  });

  it('keeps usage on a non-streaming answer that failed mid-way, with the partial text and the error', async () => {
    fake.script('openrouter', { events: [{ type: 'start', provider: 'OpenAI' }, text('Partial answ'), { type: 'error', code: 502, message: 'upstream died' }] });
    const completion = await client().chat.completions.create({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hello there' }] });
    const choice = completion.choices[0] as OpenAI.Chat.Completions.ChatCompletion.Choice & { error?: { code: number; message: string } };
    expect(choice.message.content).toBe('Partial answ');
    expect(choice.finish_reason).toBe('error');
    expect(choice.error).toMatchObject({ code: 502, message: expect.stringContaining('upstream died') });
    expect(completion.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 }); // Parley's chars/4 estimate
    expect(records[0]!.tokens).toMatchObject({ estimated: true, completion: 3 });
  });

  it('passes an upstream 429 on with its Retry-After', async () => {
    fake.script('openrouter', { status: 429, headers: { 'retry-after': '120' }, errorBody: '{"error":{"message":"slow down"}}' });
    const err = await client().chat.completions.create({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    expect((err as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('120');
    expect((err as InstanceType<typeof OpenAI.RateLimitError>).error).toMatchObject({ code: 429, metadata: { error_type: 'rate_limit_exceeded', retry_after_seconds: 120 } });
  });

  it('answers the legacy /completions: a prompt in, text out', async () => {
    fake.script('openrouter', { events: [{ type: 'start', provider: 'OpenAI' }, text('Once upon'), text(' a time'), stop, usage(4, 3)] });
    const done = await client().completions.create({ model: 'openai/gpt-4o', prompt: 'Tell a story', max_tokens: 20 });
    expect(done).toMatchObject({ object: 'text_completion', model: 'openai/gpt-4o', choices: [{ index: 0, text: 'Once upon a time', finish_reason: 'stop' }] });
    expect(done.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 3 });
    expect(fake.seen.at(-1)!.body.body).toMatchObject({ messages: [{ role: 'user', content: 'Tell a story' }], max_tokens: 20 });
    expect(fake.seen.at(-1)!.body.body).not.toHaveProperty('prompt');

    fake.script('openrouter', { events: [text('Once'), text(' more'), stop, usage(4, 2)] });
    const stream = await client().completions.create({ model: 'openai/gpt-4o', prompt: 'Again', stream: true });
    let textOut = '';
    let last: OpenAI.Completions.Completion | undefined;
    for await (const chunk of stream) {
      textOut += chunk.choices[0]?.text ?? '';
      last = chunk;
    }
    expect(textOut).toBe('Once more');
    expect(last).toMatchObject({ object: 'text_completion', choices: [], usage: { completion_tokens: 2 } });

    const chatShaped = await client().completions.create({ model: 'openai/gpt-4o', prompt: ['a', 'b'] }).catch((e: unknown) => e);
    expect(chatShaped).toBeInstanceOf(OpenAI.BadRequestError);
    expect((chatShaped as Error).message).toContain('"prompt" must be a string');
  });

  it('passes OpenRouter-only fields such as models through', async () => {
    fake.script('openrouter', { status: 503 }, { events: [text('fallback model'), stop] });
    const body = { model: 'openai/gpt-4o', models: ['anthropic/claude-sonnet-4.5'], messages: [{ role: 'user' as const, content: 'x' }] };
    const completion = await client().chat.completions.create(body as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
    expect(completion.model).toBe('anthropic/claude-sonnet-4.5');
    expect(fake.seen.map((s) => s.body.model)).toEqual(['openai/gpt-4o', 'anthropic/claude-sonnet-4.5']);
  });

  it('lists models from the injected provider', async () => {
    const page = await client().models.list();
    expect(page.data).toEqual([{ id: 'openai/gpt-4o', name: 'GPT-4o' }]);
  });

  it('cancels the upstream request when the client goes away', async () => {
    fake.script('openrouter', { events: [text('first')], stall: true });
    const ctl = new AbortController();
    const stream = await client().chat.completions.create(
      { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'x' }], stream: true },
      { signal: ctl.signal },
    );
    let chunks = 0;
    for await (const _chunk of stream) {
      chunks++;
      ctl.abort(); // the client ends iteration quietly on abort
    }
    expect(chunks).toBe(1);
    for (let i = 0; i < 400 && (records.length === 0 || fake.closed.length === 0); i++) await new Promise((r) => setTimeout(r, 5));
    expect(fake.closed).toHaveLength(1);
    expect(records[0]).toMatchObject({ cancelled: true, source: 'local-api' });
  });
});

describe('local API access control', () => {
  it('refuses a wrong or missing token with a 401 envelope', async () => {
    const err = await client('wrong-token').chat.completions.create({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    const raw = await rawRequest('/api/v1/models', { host: `127.0.0.1:${api.port}` });
    expect(raw.status).toBe(401);
    expect(JSON.parse(raw.body)).toMatchObject({ error: { code: 401 } });
    expect(fake.seen).toHaveLength(0);
  });

  it('refuses a non-loopback Host header (DNS rebinding)', async () => {
    const raw = await rawRequest('/api/v1/models', { host: `evil.example:${api.port}`, authorization: `Bearer ${TOKEN}` });
    expect(raw.status).toBe(403);
    expect(JSON.parse(raw.body)).toMatchObject({ error: { code: 403 } });
    const ok = await rawRequest('/api/v1/models', { host: `localhost:${api.port}`, authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
  });

  it('answers a CORS preflight from an allowed origin without a token, and refuses other origins', async () => {
    const withCors = await startLocalApi({ engine: { chat: async () => { throw new Error('unused'); } }, token: TOKEN, corsOrigins: () => ['http://localhost:3000'] });
    try {
      const preflight = (origin: string) => new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
        const req = request({
          host: '127.0.0.1', port: withCors.port, path: '/api/v1/chat/completions', method: 'OPTIONS',
          headers: { host: `127.0.0.1:${withCors.port}`, origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-stainless-os' },
        }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        });
        req.on('error', reject);
        req.end();
      });
      const ok = await preflight('http://localhost:3000');
      expect(ok.status).toBe(204);
      expect(ok.headers).toMatchObject({
        'access-control-allow-origin': 'http://localhost:3000',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'authorization,content-type,x-stainless-os',
      });
      expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
      const refused = await preflight('http://localhost:3001');
      expect(refused.status).toBe(403);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await withCors.close();
    }
  });

  it('rejects malformed JSON and unknown routes', async () => {
    const headers = { host: `127.0.0.1:${api.port}`, authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    expect((await rawRequest('/api/v1/chat/completions', headers, '{nope')).status).toBe(400);
    expect((await rawRequest('/api/v1/nothing', headers)).status).toBe(404);
    expect((await rawRequest('/api/v1/nothing', headers, '{}')).status).toBe(404);
    expect((await rawRequest('/api/v1/models', headers, '{}')).status).toBe(405);
  });

  it('takes its token from PARLEY_API_TOKEN, or generates one', async () => {
    const engine = { chat: async () => { throw new Error('unused'); } };
    const fromEnv = await startLocalApi({ engine, env: { PARLEY_API_TOKEN: 'from-env-token' } });
    const generated = await startLocalApi({ engine, env: {} });
    try {
      expect(fromEnv.token).toBe('from-env-token');
      expect(generated.token).toMatch(/^parley-[A-Za-z0-9_-]{32}$/);
      expect(fromEnv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    } finally {
      await fromEnv.close();
      await generated.close();
    }
  });
});
