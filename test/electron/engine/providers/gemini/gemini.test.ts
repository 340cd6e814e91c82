import { describe, expect, it } from 'vitest';
import { geminiAdapter as adapter } from '../../../../../electron/engine/providers/gemini';
import type { ChatRequest } from '../../../../../shared/openrouter/chat-request';
import { adapterRequest, collect, fromText, summarize, upstreamFor, usage } from '../support/replay';

const KIND = 'gemini';
const KEY = 'AIzaSyD-THIS-IS-A-TEST-KEY-1234567';
const req = (body: Partial<ChatRequest> = {}, model = 'gemini-2.5-flash', stream = true) =>
  adapterRequest(KIND, body, { upstream: upstreamFor(KIND, { baseUrl: 'https://generativelanguage.googleapis.com/', apiKey: KEY, label: 'Google AI Studio' }), model, stream });

function sent(body: Partial<ChatRequest>, model?: string): Record<string, unknown> {
  return JSON.parse(adapter.buildRequest(req(body, model)).body!) as Record<string, unknown>;
}

const chunk = (o: Record<string, unknown>) => `data: ${JSON.stringify(o)}\r\n\r\n`;
const cand = (parts: unknown[], finishReason?: string, usageMetadata?: unknown) =>
  chunk({ candidates: [{ content: { role: 'model', parts }, ...(finishReason ? { finishReason } : {}), index: 0 }], ...(usageMetadata ? { usageMetadata } : {}), modelVersion: 'gemini-x', responseId: 'r1' });

async function parse(wire: string, r = req()) {
  return summarize(await collect(adapter.parseStream(fromText(wire), r)));
}

describe('Gemini request', () => {
  it('streams from :streamGenerateContent?alt=sse with the key in a header, never in the URL', () => {
    const spec = adapter.buildRequest(req());
    expect(spec.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(spec.url).not.toContain(KEY);
    expect(spec.headers['x-goog-api-key']).toBe(KEY);
    expect(spec.headers).not.toHaveProperty('authorization');
    expect(adapter.buildRequest(req({}, 'models/gemini-2.5-pro', false)).url)
      .toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:generateContent');
  });

  it('builds contents with user/model roles, a systemInstruction and functionResponse parts', () => {
    const body = sent({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Oslo?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_0', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }],
          reasoning_details: [{ type: 'reasoning.encrypted', data: 'SIG0', format: 'google-gemini-v1', id: 'call_0', index: 0 }] },
        { role: 'tool', tool_call_id: 'call_0', content: '{"tempC":12}' },
        { role: 'assistant', content: 'It is 12°C.' },
        { role: 'user', content: 'And plain text results?' },
        { role: 'assistant', content: '', tool_calls: [{ id: 'call_0', type: 'function', function: { name: 'lookup', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_0', content: 'not json' },
      ],
    });
    expect(body.systemInstruction).toEqual({ parts: [{ text: 'Be brief.' }] });
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Oslo?' }] },
      { role: 'model', parts: [{ functionCall: { name: 'weather', args: { city: 'Oslo' } }, thoughtSignature: 'SIG0' }] },
      { role: 'user', parts: [{ functionResponse: { name: 'weather', response: { tempC: 12 } } }] },
      { role: 'model', parts: [{ text: 'It is 12°C.' }] },
      { role: 'user', parts: [{ text: 'And plain text results?' }] },
      { role: 'model', parts: [{ functionCall: { name: 'lookup', args: {} } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'lookup', response: { content: 'not json' } } }] },
    ]);
  });

  it('sends images and files as inlineData (data URL) or fileData (https)', () => {
    const body = sent({ messages: [{ role: 'user', content: [
      { type: 'image_url', image_url: { url: 'data:image/webp;base64,UklGRg==' } },
      { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
      { type: 'file', file: { filename: 'doc.pdf', file_data: 'data:application/pdf;base64,JVBERi0x' } },
      { type: 'input_audio', input_audio: { data: 'UklGRiQ=', format: 'wav' } },
    ] }] });
    expect(body.contents).toEqual([{ role: 'user', parts: [
      { inlineData: { mimeType: 'image/webp', data: 'UklGRg==' } },
      { fileData: { mimeType: 'image/png', fileUri: 'https://example.com/a.png' } },
      { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0x' } },
      { inlineData: { mimeType: 'audio/wav', data: 'UklGRiQ=' } },
    ] }]);
  });

  it('maps generation settings, JSON output, tools and tool_choice', () => {
    const body = sent({
      max_tokens: 500, temperature: 0.2, top_p: 0.9, top_k: 30, seed: 7, stop: ['END'],
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } },
      tools: [{ type: 'function', function: { name: 'weather', description: 'd', parameters: { type: 'object', properties: {} } } }],
      tool_choice: { type: 'function', function: { name: 'weather' } },
    });
    expect(body.generationConfig).toEqual({
      maxOutputTokens: 500, temperature: 0.2, topP: 0.9, topK: 30, seed: 7, stopSequences: ['END'],
      responseMimeType: 'application/json', responseJsonSchema: { type: 'object' },
    });
    expect(body.tools).toEqual([{ functionDeclarations: [{ name: 'weather', description: 'd', parametersJsonSchema: { type: 'object', properties: {} } }] }]);
    expect(body.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['weather'] } });
  });

  it.each([
    [{ reasoning: { effort: 'xhigh' } }, 'gemini-3-pro-preview', { thinkingLevel: 'high', includeThoughts: true }],
    [{ reasoning: { effort: 'low' } }, 'gemini-3-pro-preview', { thinkingLevel: 'low', includeThoughts: true }],
    [{ reasoning: { effort: 'high' }, max_tokens: 10000 }, 'gemini-2.5-flash', { thinkingBudget: 8000, includeThoughts: true }],
    [{ reasoning: { max_tokens: 3000, exclude: true } }, 'gemini-2.5-flash', { thinkingBudget: 3000, includeThoughts: false }],
    [{ reasoning: { enabled: false } }, 'gemini-2.5-flash', { thinkingBudget: 0 }],
    [{ reasoning: { enabled: false } }, 'gemini-2.5-pro', { thinkingBudget: 128 }],
  ] as const)('thinkingConfig for %j on %s', (extra, model, expected) => {
    expect((sent(extra as Partial<ChatRequest>, model).generationConfig as Record<string, unknown>).thinkingConfig).toEqual(expected);
  });

  it('sends no generationConfig when nothing is set', () => {
    expect(sent({})).not.toHaveProperty('generationConfig');
  });
});

describe('Gemini stream', () => {
  it('uses the last cumulative usage, never a sum', async () => {
    const s = await parse(
      cand([{ text: 'a' }], undefined, { promptTokenCount: 9, candidatesTokenCount: 1, thoughtsTokenCount: 50 })
      + chunk({ usageMetadata: { trafficType: 'ON_DEMAND' } })
      + cand([{ text: 'b' }], 'STOP', { promptTokenCount: 9, candidatesTokenCount: 2, thoughtsTokenCount: 50, cachedContentTokenCount: 4 }),
    );
    expect(s.text).toBe('ab');
    expect(s.usage).toEqual(usage(9, 52, 4, 0, 50));
  });

  it('turns thought parts into reasoning and numbers id-less function calls', async () => {
    const s = await parse(
      cand([{ text: 'thinking…', thought: true }])
      + cand([{ functionCall: { name: 'a', args: { x: 1 } } }, { functionCall: { name: 'b' } }, { functionCall: { id: 'own-id', name: 'c', args: {} } }], 'STOP'),
    );
    expect(s.reasoning).toBe('thinking…');
    expect(s.text).toBe('');
    expect(s.toolCalls).toEqual([
      { index: 0, id: 'call_0', name: 'a', arguments: '{"x":1}' },
      { index: 1, id: 'call_1', name: 'b', arguments: '{}' },
      { index: 2, id: 'own-id', name: 'c', arguments: '{}' },
    ]);
    expect(s.finish).toEqual({ reason: 'tool_calls', native: 'STOP' });
  });

  it.each([
    ['STOP', 'stop'], ['MAX_TOKENS', 'length'], ['SAFETY', 'content_filter'], ['RECITATION', 'content_filter'],
    ['BLOCKLIST', 'content_filter'], ['PROHIBITED_CONTENT', 'content_filter'], ['SPII', 'content_filter'],
    ['IMAGE_SAFETY', 'content_filter'], ['MALFORMED_FUNCTION_CALL', 'error'], ['OTHER', 'stop'],
  ])('maps finishReason %s to %s', async (native, reason) => {
    expect((await parse(cand([{ text: 'x' }], native))).finish).toEqual({ reason, native });
  });

  it('treats EOF as the end, but EOF without any finishReason as truncated', async () => {
    const s = await parse(cand([{ text: 'so far' }]));
    expect(s.text).toBe('so far');
    expect(s.finish).toBeUndefined();
    expect(s.errors).toEqual([{ code: 502, errorType: 'provider_unavailable', message: 'Google AI Studio stream ended before a finishReason' }]);
  });

  it('treats a half-received last chunk as truncated even after a finishReason', async () => {
    const s = await parse(cand([{ text: 'done' }], 'STOP') + 'data: {"usageMetadata":{"promptTok');
    expect(s.finish).toBeUndefined();
    expect(s.errors[0]?.message).toBe('Google AI Studio stream ended before its last event was complete');
  });

  it('reports a blocked prompt as content_filter', async () => {
    const s = await parse(chunk({ promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 8, totalTokenCount: 8 } }));
    expect(s.finish).toEqual({ reason: 'content_filter', native: 'SAFETY' });
    expect(s.usage).toEqual(usage(8, 0));
  });

  it('reports an error chunk and malformed JSON', async () => {
    const err = await parse(cand([{ text: 'x' }]) + chunk({ error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } }));
    expect(err.errors).toEqual([{ code: 503, errorType: 'provider_overloaded', message: 'Google AI Studio reported an error mid-stream (UNAVAILABLE): The model is overloaded.' }]);
    const bad = await parse(cand([{ text: 'x' }]) + 'data: {"candidates":[\r\n\r\n' + cand([{ text: 'y' }], 'STOP'));
    expect(bad.text).toBe('x');
    expect(bad.errors).toEqual([{ code: 502, errorType: 'provider_unavailable', message: 'Google AI Studio sent malformed JSON in its stream' }]);
  });
});

describe('Gemini non-streaming body', () => {
  it('parses a GenerateContentResponse (and an array of them)', () => {
    const one = { candidates: [{ content: { role: 'model', parts: [{ text: 'Hi' }] }, finishReason: 'MAX_TOKENS' }], usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 1 }, responseId: 'r', modelVersion: 'g' };
    const s = summarize(adapter.parseResponse(one, req({}, 'g', false)));
    expect(s.text).toBe('Hi');
    expect(s.finish).toEqual({ reason: 'length', native: 'MAX_TOKENS' });
    expect(s.usage).toEqual(usage(3, 1));
    const arr = summarize(adapter.parseResponse([{ ...one, candidates: [{ content: { parts: [{ text: 'A' }] } }] }, one], req({}, 'g', false)));
    expect(arr.text).toBe('AHi');
  });
});
