import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../../../electron/engine/providers/registry';
import { tokensFromRaw } from '../../../../../electron/engine/record/cost-fields';
import type { NormalizedEvent, RawUsage } from '../../../../../electron/engine/types';
import { computeCost } from '../../../../../shared/billing/cost';
import type { ModelPricing } from '../../../../../shared/catalog/types';
import { adapterRequest, collect, fromText } from '../support/replay';

// Image output replayed through the real adapters: OpenRouter's `images` (a message's and streamed deltas') and
// Gemini's inline image parts become image events, the usage reports the image tokens, and the cost prices them
// at the catalog's image-output rate (figures worked out by hand below).

const PNG_A = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PNG_B = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

// Gemini 2.5 Flash Image's list price: $0.30/M input, $2.50/M text output, $30/M image output.
const PRICE: ModelPricing = { prompt: '0.0000003', completion: '0.0000025', image_output: '0.00003' } as ModelPricing;
// 10 prompt tokens, 1300 output tokens of which 1290 are one image:
// 10 × 0.30 + 10 × 2.50 + 1290 × 30 = 3 + 25 + 38 700 = 38 728 micro-dollars.
const EXPECTED_MICROS = 38_728;

const images = (evs: NormalizedEvent[]) => evs.flatMap((e) => (e.type === 'image' ? [e.url] : []));
const text = (evs: NormalizedEvent[]) => evs.flatMap((e) => (e.type === 'text' ? [e.text] : [])).join('');
const usageOf = (evs: NormalizedEvent[]): RawUsage => evs.filter((e) => e.type === 'usage').at(-1)!.usage;
const cost = (evs: NormalizedEvent[]) => computeCost(tokensFromRaw(usageOf(evs)), PRICE);

const sse = (chunks: unknown[], done = true) => chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');

describe('OpenRouter image output', () => {
  const orUsage = { prompt_tokens: 10, completion_tokens: 1300, total_tokens: 1310, completion_tokens_details: { image_tokens: 1290 }, cost: 0.038728 };
  const head = { id: 'gen-img-1', object: 'chat.completion.chunk', created: 1, model: 'google/gemini-2.5-flash-image', provider: 'Google' };

  it('asks for images with modalities and reads streamed delta.images', async () => {
    const req = adapterRequest('openrouter', { modalities: ['image', 'text'] });
    const body = JSON.parse(adapterFor('openrouter').buildRequest(req).body!) as Record<string, unknown>;
    expect(body.modalities).toEqual(['image', 'text']);
    const wire = sse([
      { ...head, choices: [{ index: 0, delta: { role: 'assistant', content: 'Here is a cat.' }, finish_reason: null }] },
      { ...head, choices: [{ index: 0, delta: { images: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_A}` } }] }, finish_reason: null }] },
      { ...head, choices: [{ index: 0, delta: { images: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_B}` } }] }, finish_reason: 'stop' }] },
      { ...head, choices: [], usage: orUsage },
    ]);
    const evs = await collect(adapterFor('openrouter').parseStream(fromText(wire), req));
    expect(text(evs)).toBe('Here is a cat.');
    expect(images(evs)).toEqual([`data:image/png;base64,${PNG_A}`, `data:image/png;base64,${PNG_B}`]);
    expect(usageOf(evs)).toMatchObject({ completionTokens: 1300, imageOut: 1290 });
    const c = cost(evs);
    expect(c.micros).toBe(EXPECTED_MICROS);
    expect(c.breakdown.find((l) => l.component === 'image_output')).toMatchObject({ units: 1290, micros: 38_700 });
  });

  it('reads message.images of a whole response', () => {
    const req = adapterRequest('openrouter', { modalities: ['image', 'text'] }, { stream: false });
    const json = {
      id: 'gen-img-2', object: 'chat.completion', created: 1, model: 'google/gemini-2.5-flash-image',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Done.', images: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_A}` } }] } }],
      usage: orUsage,
    };
    const evs = adapterFor('openrouter').parseResponse(json, req);
    expect(text(evs)).toBe('Done.');
    expect(images(evs)).toEqual([`data:image/png;base64,${PNG_A}`]);
    expect(cost(evs).micros).toBe(EXPECTED_MICROS);
  });

  it('sends an earlier answer\'s images back as image input of the next prompt', () => {
    const req = adapterRequest('openrouter', {
      modalities: ['image', 'text'],
      messages: [
        { role: 'user', content: 'draw a cat' },
        { role: 'assistant', content: 'Here.', images: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_A}` } }] },
        { role: 'user', content: 'make it blue' },
      ],
    });
    const body = JSON.parse(adapterFor('openrouter').buildRequest(req).body!) as { messages: unknown[] };
    expect(body.messages[1]).toEqual({ role: 'assistant', content: 'Here.' });
    expect(body.messages[2]).toEqual({ role: 'user', content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_A}` } }, { type: 'text', text: 'make it blue' }] });
  });
});

describe('Gemini image output', () => {
  const usageMetadata = {
    promptTokenCount: 10, candidatesTokenCount: 1300, totalTokenCount: 1310,
    candidatesTokensDetails: [{ modality: 'TEXT', tokenCount: 10 }, { modality: 'IMAGE', tokenCount: 1290 }],
  };

  it('asks for TEXT and IMAGE response modalities and reads streamed inline image parts', async () => {
    const req = adapterRequest('gemini', { modalities: ['image', 'text'] });
    const body = JSON.parse(adapterFor('gemini').buildRequest(req).body!) as { generationConfig: Record<string, unknown> };
    expect(body.generationConfig.responseModalities).toEqual(['TEXT', 'IMAGE']);
    const wire = sse([
      { candidates: [{ content: { role: 'model', parts: [{ text: 'A cat.' }] } }], responseId: 'r1', modelVersion: 'gemini-2.5-flash-image' },
      { candidates: [{ content: { role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: PNG_A } }] }, finishReason: 'STOP' }], usageMetadata },
    ], false);
    const evs = await collect(adapterFor('gemini').parseStream(fromText(wire), req));
    expect(text(evs)).toBe('A cat.');
    expect(images(evs)).toEqual([`data:image/png;base64,${PNG_A}`]);
    expect(usageOf(evs)).toMatchObject({ completionTokens: 1300, imageOut: 1290 });
    expect(cost(evs).micros).toBe(EXPECTED_MICROS);
  });

  it('reads inline image parts of a whole response and skips thought images', () => {
    const req = adapterRequest('gemini', { modalities: ['image', 'text'] }, { stream: false });
    const json = {
      candidates: [{ content: { role: 'model', parts: [
        { inlineData: { mimeType: 'image/png', data: PNG_B }, thought: true },
        { text: 'Blue now.' },
        { inlineData: { mimeType: 'image/jpeg', data: PNG_A } },
      ] }, finishReason: 'STOP' }],
      usageMetadata,
    };
    const evs = adapterFor('gemini').parseResponse(json, req);
    expect(text(evs)).toBe('Blue now.');
    expect(images(evs)).toEqual([`data:image/jpeg;base64,${PNG_A}`]);
    expect(cost(evs).micros).toBe(EXPECTED_MICROS);
  });

  it('sends an earlier answer\'s images back as the model\'s inline parts', () => {
    const req = adapterRequest('gemini', {
      messages: [
        { role: 'user', content: 'draw a cat' },
        { role: 'assistant', content: 'Here.', images: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_A}` } }] },
        { role: 'user', content: 'make it blue' },
      ],
    });
    const body = JSON.parse(adapterFor('gemini').buildRequest(req).body!) as { contents: unknown[] };
    expect(body.contents[1]).toEqual({ role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: PNG_A } }, { text: 'Here.' }] });
  });
});

describe('OpenAI', () => {
  it('refuses image output with a clear error: its chat API returns no images', () => {
    const req = adapterRequest('openai-compatible', { modalities: ['image', 'text'] }, { upstream: { ...adapterRequest('openai-compatible').upstream, baseUrl: 'https://api.openai.com/v1', label: 'OpenAI' } });
    expect(() => adapterFor('openai-compatible').buildRequest(req)).toThrow('OpenAI cannot return images through chat completions');
  });
});
