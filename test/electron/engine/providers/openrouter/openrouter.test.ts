import { describe, expect, it } from 'vitest';
import { generationIdFromHeaders, openRouterAdapter as adapter, PARLEY_APP_URL } from '../../../../../electron/engine/providers/openrouter';
import type { ChatRequest } from '../../../../../shared/openrouter/chat-request';
import { adapterRequest, collect, fromText, summarize, upstreamFor, usage } from '../support/replay';

const KIND = 'openrouter';
const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef';
const req = (body: Partial<ChatRequest> = {}) =>
  adapterRequest(KIND, body, { upstream: upstreamFor(KIND, { baseUrl: 'https://openrouter.ai/api/v1', apiKey: KEY, label: 'OpenRouter' }), model: 'anthropic/claude-sonnet-4.5' });

async function parse(wire: string, r = req()) {
  return summarize(await collect(adapter.parseStream(fromText(wire), r)));
}

const chunk = (obj: Record<string, unknown>) => `data: ${JSON.stringify({ id: 'gen-1', object: 'chat.completion.chunk', created: 1, model: 'anthropic/claude-sonnet-4.5', provider: 'Anthropic', ...obj })}\n\n`;
const delta = (d: unknown, finish: string | null = null) => chunk({ choices: [{ index: 0, delta: d, finish_reason: finish }] });

describe('OpenRouter request', () => {
  it('sends attribution headers and the bearer key to /chat/completions', () => {
    const spec = adapter.buildRequest(req());
    expect(spec.url).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(spec.headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'HTTP-Referer': PARLEY_APP_URL, 'X-OpenRouter-Title': 'Parley' });
  });

  it('passes OpenRouter routing fields through', () => {
    const fields = {
      models: ['openai/gpt-4o'], provider: { order: ['anthropic'], allow_fallbacks: false }, reasoning: { effort: 'high' as const },
      plugins: [{ id: 'web', max_results: 3 }], transforms: ['middle-out'], session_id: 'abc',
    };
    const sent = JSON.parse(adapter.buildRequest(req(fields as Partial<ChatRequest>)).body!) as Record<string, unknown>;
    expect(sent).toMatchObject({ ...fields, model: 'anthropic/claude-sonnet-4.5', stream: true });
  });
});

describe('OpenRouter stream', () => {
  it('skips processing comments and reads provider, reasoning_details, cost and BYOK', async () => {
    const details = [{ type: 'reasoning.text', text: 'Let me', format: 'anthropic-claude-v1', index: 0 }];
    const s = await parse([
      ': OPENROUTER PROCESSING\n\n',
      delta({ role: 'assistant', content: '' }),
      ': OPENROUTER PROCESSING\n\n',
      delta({ reasoning: 'Let me', reasoning_details: details }),
      delta({ content: 'Hi!' }),
      chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop', native_finish_reason: 'end_turn' }] }),
      chunk({ choices: [], usage: { prompt_tokens: 40, completion_tokens: 12, total_tokens: 52, prompt_tokens_details: { cached_tokens: 30, cache_write_tokens: 5 }, completion_tokens_details: { reasoning_tokens: 4 }, cost: 0.00042, is_byok: true } }),
      'data: [DONE]\n\n',
    ].join(''));
    expect(s.start).toEqual({ type: 'start', upstreamId: 'gen-1', model: 'anthropic/claude-sonnet-4.5', provider: 'Anthropic' });
    expect(s.reasoning).toBe('Let me');
    expect(s.details).toEqual(details);
    expect(s.text).toBe('Hi!');
    expect(s.finish).toEqual({ reason: 'stop', native: 'end_turn' });
    expect(s.usage).toEqual({ ...usage(40, 12, 30, 5, 4), reportedCostUsd: 0.00042, isByok: true });
  });

  it('turns a mid-stream error chunk into an error event and an error finish', async () => {
    const s = await parse([
      delta({ content: 'Partial' }),
      chunk({ error: { code: 429, message: `Rate limit exceeded for key ${KEY}`, metadata: { error_type: 'rate_limit_exceeded' } }, choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }] }),
    ].join(''));
    expect(s.text).toBe('Partial');
    expect(s.errors).toEqual([{ code: 429, errorType: 'rate_limit_exceeded', message: 'OpenRouter reported an error mid-stream: Rate limit exceeded for key [redacted]' }]);
    expect(s.finish).toEqual({ reason: 'error', native: 'error' });
  });

  it('maps a 502 mid-stream error without metadata to provider_unavailable', async () => {
    const s = await parse(delta({ content: 'x' }) + chunk({ error: { code: 502, message: 'Provider returned error' }, choices: [{ index: 0, delta: {}, finish_reason: 'error' }] }));
    expect(s.errors).toEqual([{ code: 502, errorType: 'provider_unavailable', message: 'OpenRouter reported an error mid-stream: Provider returned error' }]);
  });
});

describe('generationIdFromHeaders', () => {
  it('reads X-Generation-Id from fetch Headers or a plain record', () => {
    expect(generationIdFromHeaders(new Headers({ 'X-Generation-Id': 'gen-123' }))).toBe('gen-123');
    expect(generationIdFromHeaders({ 'x-generation-id': ['gen-9'] })).toBe('gen-9');
    expect(generationIdFromHeaders({ 'content-type': 'text/event-stream' })).toBeUndefined();
    expect(generationIdFromHeaders(new Headers({ 'x-generation-id': '  ' }))).toBeUndefined();
  });
});
