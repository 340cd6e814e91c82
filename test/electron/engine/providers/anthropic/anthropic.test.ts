import { describe, expect, it } from 'vitest';
import { anthropicAdapter as adapter } from '../../../../../electron/engine/providers/anthropic';
import type { ChatRequest } from '../../../../../shared/openrouter/chat-request';
import { adapterRequest, collect, fromText, summarize, upstreamFor, usage } from '../support/replay';

const KIND = 'anthropic';
const KEY = 'sk-ant-api03-SECRETSECRETSECRET-abcdef';
const req = (body: Partial<ChatRequest> = {}) =>
  adapterRequest(KIND, body, { upstream: upstreamFor(KIND, { baseUrl: 'https://api.anthropic.com', apiKey: KEY, label: 'Anthropic' }), model: 'claude-sonnet-4-5' });

function sent(body: Partial<ChatRequest>): Record<string, unknown> {
  return JSON.parse(adapter.buildRequest(req(body)).body!) as Record<string, unknown>;
}

const ev = (o: Record<string, unknown>) => `event: ${String(o.type)}\ndata: ${JSON.stringify(o)}\n\n`;
const start = (id = 'msg_1', u: Record<string, unknown> = { input_tokens: 10, output_tokens: 1 }) =>
  ev({ type: 'message_start', message: { id, type: 'message', role: 'assistant', model: 'claude-x', content: [], usage: u } });
const textBlock = (index: number, ...parts: string[]) => [
  ev({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }),
  ...parts.map((text) => ev({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } })),
  ev({ type: 'content_block_stop', index }),
].join('');
const end = (stop: string, u: Record<string, unknown> = { output_tokens: 9 }) =>
  ev({ type: 'message_delta', delta: { stop_reason: stop, stop_sequence: null }, usage: u }) + ev({ type: 'message_stop' });

async function parse(wire: string, r = req()) {
  return summarize(await collect(adapter.parseStream(fromText(wire), r)));
}

describe('Anthropic request', () => {
  it('posts to {baseUrl}/v1/messages with x-api-key and anthropic-version, never a bearer header', () => {
    const spec = adapter.buildRequest(req());
    expect(spec.url).toBe('https://api.anthropic.com/v1/messages');
    expect(spec.headers).toMatchObject({ 'x-api-key': KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' });
    expect(spec.headers).not.toHaveProperty('authorization');
    expect(JSON.parse(spec.body!)).toEqual({ model: 'claude-sonnet-4-5', max_tokens: 4096, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: true });
  });

  it('moves system and developer messages to a top-level system string', () => {
    const body = sent({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'developer', content: [{ type: 'text', text: 'Use metric.' }] }, { role: 'user', content: 'hi' }] });
    expect(body.system).toBe('Be brief.\n\nUse metric.');
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi' }] }]);
  });

  it('keeps cache_control on text parts (system as blocks then)', () => {
    const cc = { type: 'ephemeral' as const, ttl: '1h' as const };
    const body = sent({ messages: [{ role: 'system', content: [{ type: 'text', text: 'long doc', cache_control: cc }] }, { role: 'user', content: [{ type: 'text', text: 'q', cache_control: { type: 'ephemeral' } }] }] });
    expect(body.system).toEqual([{ type: 'text', text: 'long doc', cache_control: cc }]);
    expect(body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'q', cache_control: { type: 'ephemeral' } }] }]);
  });

  it('turns assistant tool_calls into tool_use and tool messages into one user turn of tool_result blocks', () => {
    const body = sent({
      messages: [
        { role: 'user', content: 'weather in Oslo and Rome?' },
        { role: 'assistant', content: 'Checking.', tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
          { id: 'toolu_2', type: 'function', function: { name: 'weather', arguments: '' } },
        ] },
        { role: 'tool', tool_call_id: 'toolu_1', content: '12°C' },
        { role: 'tool', tool_call_id: 'toolu_2', content: [{ type: 'text', text: '20°C' }] },
        { role: 'user', content: 'thanks' },
      ],
    });
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'weather in Oslo and Rome?' }] },
      { role: 'assistant', content: [
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Oslo' } },
        { type: 'tool_use', id: 'toolu_2', name: 'weather', input: {} },
      ] },
      { role: 'user', content: [
        { type: 'tool_result', tool_use_id: 'toolu_1', content: '12°C' },
        { type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: '20°C' }] },
        { type: 'text', text: 'thanks' },
      ] },
    ]);
  });

  it('converts images (data URL → base64, https → url), PDFs and text files', () => {
    const body = sent({ messages: [{ role: 'user', content: [
      { type: 'text', text: 'look' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
      { type: 'file', file: { filename: 'paper.pdf', file_data: 'data:application/pdf;base64,JVBERi0x' } },
      { type: 'file', file: { filename: 'notes.txt', file_data: `data:text/plain;base64,${Buffer.from('héllo').toString('base64')}` } },
    ] }] });
    expect((body.messages as { content: unknown[] }[])[0]!.content).toEqual([
      { type: 'text', text: 'look' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0x' }, title: 'paper.pdf' },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'héllo' }, title: 'notes.txt' },
    ]);
  });

  it('refuses audio input with a readable error', () => {
    expect(() => adapter.buildRequest(req({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAA', format: 'wav' } }] }] })))
      .toThrow('Anthropic models do not accept audio input');
  });

  it('maps sampling fields: temperature clamped to 1, stop → stop_sequences, user → metadata', () => {
    const body = sent({ temperature: 1.5, top_p: 0.9, top_k: 20, stop: 'END', user: 'user-7', max_completion_tokens: 300 });
    expect(body).toMatchObject({ temperature: 1, top_p: 0.9, top_k: 20, stop_sequences: ['END'], metadata: { user_id: 'user-7' }, max_tokens: 300 });
  });

  it('maps tools and tool_choice', () => {
    const tools = [{ type: 'function' as const, function: { name: 'weather', description: 'Get weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    expect(sent({ tools, tool_choice: 'required' })).toMatchObject({
      tools: [{ name: 'weather', description: 'Get weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      tool_choice: { type: 'any' },
    });
    expect(sent({ tools, tool_choice: { type: 'function', function: { name: 'weather' } }, parallel_tool_calls: false }).tool_choice)
      .toEqual({ type: 'tool', name: 'weather', disable_parallel_tool_use: true });
    expect(sent({ tools: [{ type: 'function', function: { name: 'noop' } }] }).tools).toEqual([{ name: 'noop', input_schema: { type: 'object', properties: {} } }]);
  });

  it.each([
    [{ reasoning: { max_tokens: 2000 } }, 2000, 4096],
    [{ reasoning: { max_tokens: 500 } }, 1024, 4096], // budget minimum 1024
    [{ reasoning: { max_tokens: 8000 } }, 8000, 12096], // max_tokens must exceed the budget
    [{ reasoning: { effort: 'high' }, max_tokens: 10000 }, 8000, 10000], // 0.8 × max_tokens
    [{ reasoning_effort: 'low', max_tokens: 2000 }, 1024, 2000], // 0.2 × 2000 = 400 → 1024
    [{ reasoning: { effort: 'max' }, max_tokens: 200000 }, 128000, 200000], // capped at 128k
    [{ reasoning: { enabled: true } }, 2048, 4096], // medium: 0.5 × default 4096
  ] as const)('thinking budget for %j', (extra, budget, maxTokens) => {
    const body = sent({ ...(extra as Partial<ChatRequest>), temperature: 0.5, top_k: 5, top_p: 0.5 });
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: budget });
    expect(body.max_tokens).toBe(maxTokens);
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_k');
    expect(body).not.toHaveProperty('top_p');
  });

  it('does not think when reasoning is off or only excluded', () => {
    expect(sent({ reasoning: { effort: 'none' } })).not.toHaveProperty('thinking');
    expect(sent({ reasoning: { exclude: true } })).not.toHaveProperty('thinking');
    expect(sent({})).not.toHaveProperty('thinking');
  });

  it('sends signed thinking from reasoning_details back before the tool_use when thinking is on', () => {
    const body = sent({
      reasoning: { max_tokens: 2000 },
      messages: [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: null, reasoning_details: [
          { type: 'reasoning.text', text: 'I should call', signature: 'sig123', format: 'anthropic-claude-v1', index: 0 },
          { type: 'reasoning.encrypted', data: 'opaque', format: 'anthropic-claude-v1', index: 1 },
          { type: 'reasoning.encrypted', data: 'gemini', format: 'google-gemini-v1', index: 2 },
        ], tool_calls: [{ id: 't1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 't1', content: 'done' },
      ],
    });
    expect((body.messages as { content: unknown[] }[])[1]!.content).toEqual([
      { type: 'thinking', thinking: 'I should call', signature: 'sig123' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'tool_use', id: 't1', name: 'f', input: {} },
    ]);
  });
});

describe('Anthropic stream', () => {
  it('numbers tool calls in order of appearance, whatever their content-block index', async () => {
    const s = await parse([
      start(),
      textBlock(0, 'Let me check.'),
      ev({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_a', name: 'weather', input: {} } }),
      ev({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"city":' } }),
      ev({ type: 'ping' }),
      ev({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '"Oslo"}' } }),
      ev({ type: 'content_block_stop', index: 1 }),
      ev({ type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_b', name: 'time', input: {} } }),
      ev({ type: 'content_block_stop', index: 2 }),
      end('tool_use'),
    ].join(''));
    expect(s.text).toBe('Let me check.');
    expect(s.toolCalls).toEqual([
      { index: 0, id: 'toolu_a', name: 'weather', arguments: '{"city":"Oslo"}' },
      { index: 1, id: 'toolu_b', name: 'time', arguments: '{}' },
    ]);
    expect(s.finish).toEqual({ reason: 'tool_calls', native: 'tool_use' });
  });

  it.each([
    ['end_turn', 'stop'], ['stop_sequence', 'stop'], ['pause_turn', 'stop'], ['tool_use', 'tool_calls'],
    ['max_tokens', 'length'], ['model_context_window_exceeded', 'length'], ['refusal', 'content_filter'],
  ])('maps stop_reason %s to %s', async (native, reason) => {
    expect((await parse(start() + textBlock(0, 'x') + end(native))).finish).toEqual({ reason, native });
  });

  it('merges cumulative message_delta usage over message_start, with cache tokens in the prompt', async () => {
    const s = await parse(start('msg_1', { input_tokens: 5, cache_read_input_tokens: 1000, cache_creation_input_tokens: 200, output_tokens: 1 })
      + textBlock(0, 'hi')
      + end('end_turn', { input_tokens: 7, output_tokens: 42, output_tokens_details: { thinking_tokens: 30 } }));
    expect(s.usage).toEqual(usage(1207, 42, 1000, 200, 30));
  });

  it('errors on a second message_start with a different id', async () => {
    const s = await parse(start('msg_1') + textBlock(0, 'first') + start('msg_2') + textBlock(0, 'second') + end('end_turn'));
    expect(s.text).toBe('first');
    expect(s.errors).toEqual([{ code: 502, errorType: 'provider_unavailable', message: 'Anthropic started a second message before finishing the first' }]);
    expect(s.finish).toBeUndefined();
  });

  it('maps error events under HTTP 200 (overloaded → 503, api_error → 502, rate limit → 429)', async () => {
    const overloaded = await parse(start() + textBlock(0, 'so far') + ev({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
    expect(overloaded.text).toBe('so far');
    expect(overloaded.errors).toEqual([{ code: 503, errorType: 'provider_overloaded', message: 'Anthropic reported an error mid-stream (overloaded_error): Overloaded' }]);
    expect((await parse(start() + ev({ type: 'error', error: { type: 'api_error', message: 'Internal' } }))).errors[0]).toMatchObject({ code: 502, errorType: 'provider_unavailable' });
    expect((await parse(ev({ type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } }))).errors[0]).toMatchObject({ code: 429, errorType: 'rate_limit_exceeded' });
  });

  it('ignores unknown events, unknown blocks and citation deltas', async () => {
    const s = await parse([
      start(),
      ev({ type: 'future_event', foo: 1 }),
      ev({ type: 'content_block_start', index: 0, content_block: { type: 'server_tool_use', id: 'srv', name: 'web_search', input: {} } }),
      ev({ type: 'content_block_stop', index: 0 }),
      ev({ type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }),
      ev({ type: 'content_block_delta', index: 1, delta: { type: 'citations_delta', citation: { url: 'x' } } }),
      ev({ type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'cited' } }),
      ev({ type: 'content_block_stop', index: 1 }),
      end('end_turn'),
    ].join(''));
    expect(s.text).toBe('cited');
    expect(s.toolCalls).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('reports EOF without message_stop', async () => {
    const s = await parse(start() + textBlock(0, 'half') + ev({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 3 } }));
    expect(s.text).toBe('half');
    expect(s.finish).toBeUndefined();
    expect(s.usage).toBeUndefined();
    expect(s.errors).toEqual([{ code: 502, errorType: 'provider_unavailable', message: 'Anthropic stream ended before message_stop' }]);
  });

  it('reports malformed JSON', async () => {
    const s = await parse(start() + 'event: content_block_delta\ndata: {"type":"content_block_delta",\n\n' + end('end_turn'));
    expect(s.errors).toEqual([{ code: 502, errorType: 'provider_unavailable', message: 'Anthropic sent malformed JSON in its stream' }]);
  });

  it('passes redacted thinking on as encrypted reasoning_details, and drops reasoning when excluded', async () => {
    const wire = start()
      + ev({ type: 'content_block_start', index: 0, content_block: { type: 'redacted_thinking', data: 'ENCRYPTED' } })
      + ev({ type: 'content_block_stop', index: 0 })
      + ev({ type: 'content_block_start', index: 1, content_block: { type: 'thinking', thinking: '', signature: '' } })
      + ev({ type: 'content_block_delta', index: 1, delta: { type: 'thinking_delta', thinking: 'hmm' } })
      + ev({ type: 'content_block_delta', index: 1, delta: { type: 'signature_delta', signature: 'SIG' } })
      + ev({ type: 'content_block_stop', index: 1 })
      + textBlock(2, 'ok') + end('end_turn');
    const shown = await parse(wire);
    expect(shown.reasoning).toBe('hmm');
    expect(shown.details).toEqual([
      { type: 'reasoning.encrypted', data: 'ENCRYPTED', format: 'anthropic-claude-v1', index: 0 },
      { type: 'reasoning.text', text: 'hmm', signature: 'SIG', format: 'anthropic-claude-v1', index: 1 },
    ]);
    const hidden = await parse(wire, req({ reasoning: { max_tokens: 2000, exclude: true } }));
    expect(hidden.reasoning).toBe('');
    expect(hidden.details).toEqual([]);
    expect(hidden.text).toBe('ok');
  });
});

describe('Anthropic non-streaming body', () => {
  it('turns a message into events', () => {
    const s = summarize(adapter.parseResponse({
      id: 'msg_9', type: 'message', role: 'assistant', model: 'claude-x', stop_reason: 'tool_use',
      content: [
        { type: 'thinking', thinking: 'plan', signature: 'S' },
        { type: 'text', text: 'Calling.' },
        { type: 'tool_use', id: 'toolu_9', name: 'f', input: { a: [1, 2] } },
      ],
      usage: { input_tokens: 3, cache_read_input_tokens: 4, output_tokens: 20 },
    }, req()));
    expect(s.start).toEqual({ type: 'start', upstreamId: 'msg_9', model: 'claude-x' });
    expect(s.reasoning).toBe('plan');
    expect(s.text).toBe('Calling.');
    expect(s.toolCalls).toEqual([{ index: 0, id: 'toolu_9', name: 'f', arguments: '{"a":[1,2]}' }]);
    expect(s.usage).toEqual(usage(7, 20, 4));
    expect(s.finish).toEqual({ reason: 'tool_calls', native: 'tool_use' });
  });

  it('turns an error body into an error event', () => {
    expect(summarize(adapter.parseResponse({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, req())).errors)
      .toEqual([{ code: 503, errorType: 'provider_overloaded', message: 'Anthropic reported an error in its response (overloaded_error): Overloaded' }]);
  });
});
