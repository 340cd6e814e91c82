import { describe, expect, it } from 'vitest';
import { openAiCompatibleAdapter as adapter } from '../../../../../electron/engine/providers/openai-compatible';
import type { ChatRequest } from '../../../../../shared/openrouter/chat-request';
import { adapterRequest, collect, fromText, summarize, upstreamFor, usage } from '../support/replay';

const KIND = 'openai-compatible';

function body(spec: { body?: string }): Record<string, unknown> {
  return JSON.parse(spec.body ?? '{}') as Record<string, unknown>;
}

async function parse(wire: string, req = adapterRequest(KIND)) {
  return summarize(await collect(adapter.parseStream(fromText(wire), req)));
}

const chunk = (delta: unknown, finish: string | null = null, extra: Record<string, unknown> = {}) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;

describe('OpenAI-compatible request', () => {
  it('posts to {baseUrl}/chat/completions with a bearer key and usage in the stream', () => {
    const req = adapterRequest(KIND, {}, { upstream: upstreamFor(KIND, { baseUrl: 'https://api.deepseek.com/v1/', apiKey: 'sk-secret-value-123' }), model: 'deepseek-chat' });
    const spec = adapter.buildRequest(req);
    expect(spec.url).toBe('https://api.deepseek.com/v1/chat/completions');
    expect(spec.method).toBe('POST');
    expect(spec.headers.authorization).toBe('Bearer sk-secret-value-123');
    expect(spec.headers['content-type']).toBe('application/json');
    expect(body(spec)).toEqual({ model: 'deepseek-chat', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hi' }] });
  });

  it('sends no authorization header without a key (local servers) and no stream_options when not streaming', () => {
    const req = adapterRequest(KIND, {}, { upstream: upstreamFor(KIND, { baseUrl: 'http://127.0.0.1:11434/v1' }), stream: false });
    const spec = adapter.buildRequest(req);
    expect(spec.headers).not.toHaveProperty('authorization');
    expect(body(spec)).not.toHaveProperty('stream_options');
    expect(body(spec).stream).toBe(false);
  });

  it('strips OpenRouter-only fields and maps reasoning to reasoning_effort', () => {
    const extra = {
      models: ['a', 'b'], provider: { order: ['x'] }, plugins: [{ id: 'web' }], transforms: ['middle-out'], route: 'fallback',
      session_id: 's', reasoning: { effort: 'high' }, temperature: 0.3, max_tokens: 50, top_k: 40, user: 'u1',
      messages: [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: 'a', reasoning: 'thought', reasoning_details: [{ type: 'reasoning.text' }] },
        { role: 'user', content: 'q2' },
      ],
    } as unknown as Partial<ChatRequest>;
    const sent = body(adapter.buildRequest(adapterRequest(KIND, extra, { upstream: upstreamFor(KIND, { baseUrl: 'http://127.0.0.1:8000/v1' }) })));
    for (const k of ['models', 'provider', 'plugins', 'transforms', 'route', 'session_id', 'reasoning']) expect(sent).not.toHaveProperty(k);
    expect(sent).toMatchObject({ reasoning_effort: 'high', temperature: 0.3, max_tokens: 50, top_k: 40, user: 'u1' });
    expect(sent.messages).toEqual([{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }, { role: 'user', content: 'q2' }]);
  });

  it('drops sampling parameters OpenAI itself rejects when talking to api.openai.com', () => {
    const sent = body(adapter.buildRequest(adapterRequest(KIND, { top_k: 40, repetition_penalty: 1.1, temperature: 1, max_tokens: 99 }, { upstream: upstreamFor(KIND, { baseUrl: 'https://api.openai.com/v1' }) })));
    expect(sent).not.toHaveProperty('top_k');
    expect(sent).not.toHaveProperty('max_tokens');
    expect(sent.max_completion_tokens).toBe(99);
    expect(sent).not.toHaveProperty('repetition_penalty');
    expect(sent.temperature).toBe(1);
  });
});

describe('OpenAI-compatible stream', () => {
  it('reads `reasoning` (Groq) as well as `reasoning_content`, and Mistral content arrays', async () => {
    const s = await parse([
      chunk({ role: 'assistant', reasoning: 'think ' }),
      chunk({ reasoning_content: 'more' }),
      chunk({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: ' mistral' }] }, { type: 'text', text: 'Answer' }] }),
      chunk({}, 'stop'),
      'data: [DONE]\n\n',
    ].join(''));
    expect(s.reasoning).toBe('think more mistral');
    expect(s.text).toBe('Answer');
    expect(s.finish).toEqual({ reason: 'stop', native: 'stop' });
  });

  it('assembles parallel tool calls, whole or fragmented', async () => {
    const s = await parse([
      chunk({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }] }),
      chunk({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '' } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: '{"tz":' } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: '"CET"}' } }] }),
      chunk({}, 'tool_calls'),
      `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 30, completion_tokens: 20, total_tokens: 50 } })}\n\n`,
      'data: [DONE]\n\n',
    ].join(''));
    expect(s.toolCalls).toEqual([
      { index: 0, id: 'call_a', name: 'get_weather', arguments: '{"city":"Oslo"}' },
      { index: 1, id: 'call_b', name: 'get_time', arguments: '{"tz":"CET"}' },
    ]);
    expect(s.finish).toEqual({ reason: 'tool_calls', native: 'tool_calls' });
    expect(s.usage).toEqual(usage(30, 20));
  });

  it('numbers calls by id when the server omits `index`', async () => {
    const s = await parse([
      chunk({ tool_calls: [{ id: 'a1', type: 'function', function: { name: 'first', arguments: '{"n":' } }] }),
      chunk({ tool_calls: [{ function: { arguments: '1}' } }] }),
      chunk({ tool_calls: [{ id: 'b2', type: 'function', function: { name: 'second', arguments: { n: 2 } } }] }),
      chunk({}, 'tool_calls'),
    ].join(''));
    expect(s.toolCalls).toEqual([
      { index: 0, id: 'a1', name: 'first', arguments: '{"n":1}' },
      { index: 1, id: 'b2', name: 'second', arguments: '{"n":2}' },
    ]);
  });

  it('maps unknown finish reasons to stop and keeps the native one', async () => {
    const s = await parse(chunk({ content: 'x' }) + chunk({}, 'eos') + 'data: [DONE]\n\n');
    expect(s.finish).toEqual({ reason: 'stop', native: 'eos' });
  });

  it('tolerates a missing [DONE] after the finish reason but not a stream cut before it', async () => {
    expect((await parse(chunk({ content: 'x' }) + chunk({}, 'stop'))).errors).toEqual([]);
    // …but a half-received event after the finish (the usage chunk) is a cut stream.
    expect((await parse(chunk({ content: 'x' }) + chunk({}, 'stop') + 'data: {"choices":[],"usage":{"prompt_')).errors[0]?.message).toContain('ended before');
    const cut = await parse(chunk({ content: 'partial' }));
    expect(cut.text).toBe('partial');
    expect(cut.finish).toBeUndefined();
    expect(cut.errors).toEqual([{ code: 502, errorType: 'provider_unavailable', message: 'Test openai-compatible stream ended before data: [DONE]' }]);
  });

  it('turns a malformed JSON line into an error event and stops', async () => {
    const s = await parse(chunk({ content: 'ok' }) + 'data: {"choices":[{"delta":{"content":"x"}\n\n' + chunk({ content: 'never' }) + 'data: [DONE]\n\n');
    expect(s.text).toBe('ok');
    expect(s.errors).toEqual([{ code: 502, errorType: 'provider_unavailable', message: 'Test openai-compatible sent malformed JSON in its stream' }]);
    expect(s.violations).toEqual([]);
  });

  it('reports an error chunk and scrubs the key from its message', async () => {
    const req = adapterRequest(KIND, {}, { upstream: upstreamFor(KIND, { apiKey: 'sk-live-ABCDEFGHIJKLMNOP1234' }) });
    const s = await parse(chunk({ content: 'x' }) + `data: ${JSON.stringify({ error: { message: 'bad key sk-live-ABCDEFGHIJKLMNOP1234 used', type: 'server_error' } })}\n\n`, req);
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]!.message).not.toContain('ABCDEFGHIJKLMNOP');
    expect(s.errors[0]!.message).toContain('bad key [redacted] used');
    expect(s.finish).toEqual({ reason: 'error', native: 'error' });
  });

  it('drops reasoning when the request excludes it', async () => {
    const req = adapterRequest(KIND, { reasoning: { exclude: true } });
    const s = await parse(chunk({ reasoning_content: 'secret thoughts' }) + chunk({ content: 'answer' }, 'stop') + 'data: [DONE]\n\n', req);
    expect(s.reasoning).toBe('');
    expect(s.text).toBe('answer');
  });
});

describe('OpenAI-compatible non-streaming body', () => {
  it('turns a chat.completion into the same events', () => {
    const events = adapter.parseResponse({
      id: 'chatcmpl-1', object: 'chat.completion', model: 'gpt-4o',
      choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: null, reasoning_content: 'hmm', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] } }],
      usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
    }, adapterRequest(KIND, {}, { stream: false }));
    const s = summarize(events);
    expect(s.start).toEqual({ type: 'start', upstreamId: 'chatcmpl-1', model: 'gpt-4o' });
    expect(s.reasoning).toBe('hmm');
    expect(s.toolCalls).toEqual([{ index: 0, id: 'call_1', name: 'f', arguments: '{}' }]);
    expect(s.usage).toEqual(usage(5, 7));
    expect(s.finish).toEqual({ reason: 'tool_calls', native: 'tool_calls' });
  });

  it('reports a body that is not a completion', () => {
    expect(summarize(adapter.parseResponse('nope', adapterRequest(KIND))).errors[0]?.code).toBe(502);
    expect(summarize(adapter.parseResponse({ error: { message: 'overloaded', code: 503 } }, adapterRequest(KIND))).errors[0]).toMatchObject({ code: 503, errorType: 'provider_overloaded' });
  });
});
