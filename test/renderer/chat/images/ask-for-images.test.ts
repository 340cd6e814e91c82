import { describe, expect, it } from 'vitest';
import { withImageOutput } from '../../../../renderer/chat/images/ask-for-images';
import { NO_FILTERS, passes } from '../../../../renderer/chat/models/filter-models';
import type { ModelSummary } from '../../../../shared/contract/models';
import type { ChatRequest } from '../../../../shared/openrouter/chat-request';

const request: ChatRequest = { model: 'google/gemini-2.5-flash-image', messages: [{ role: 'user', content: 'draw a cat' }], stream: true };
const imageModel = { outputModalities: ['image', 'text'] } as ModelSummary;
const textModel = { outputModalities: ['text'] } as ModelSummary;

describe('image models', () => {
  it('asks an image model for images and a text model for text only', () => {
    expect(withImageOutput(request, imageModel).modalities).toEqual(['image', 'text']);
    expect(withImageOutput(request, textModel).modalities).toBeUndefined();
    expect(withImageOutput(request, undefined).modalities).toBeUndefined();
  });

  it('the picker\'s "image output" filter keeps only models that make images', () => {
    const base = { provider: 'google', promptUsdPerMTok: 0.3, contextLength: 32_000, inputModalities: ['text'], isFree: false, supportsReasoning: false, supportsTools: false };
    const filters = { ...NO_FILTERS, imageOutput: true };
    expect(passes({ ...base, ...imageModel } as ModelSummary, filters)).toBe(true);
    expect(passes({ ...base, ...textModel } as ModelSummary, filters)).toBe(false);
  });
});
