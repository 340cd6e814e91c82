import { describe, it, expect } from 'vitest';
import { suggestRoom } from '../../../renderer/app/first-run/suggest-room';
import { priceText } from '../../../renderer/app/first-run/price-text';
import type { ModelSummary } from '../../../shared/contract/models';

const model = (id: string, prompt: number | null, completion: number | null, servedByIds = ['openrouter']): ModelSummary => ({
  id, name: id, provider: id.split('/')[0]!, contextLength: null, inputModalities: ['text'], outputModalities: ['text'],
  promptUsdPerMTok: prompt, completionUsdPerMTok: completion, isFree: prompt === 0, supportsReasoning: false, supportsTools: false,
  servedBy: servedByIds, servedByIds, pricing: null,
});

describe('the first room suggested to a newcomer', () => {
  it('offers a cheap, a strong and a third model from three makers, served by the provider chosen', () => {
    const models = [
      model('obscure/tiny', 0.01, 0.02),
      model('openai/gpt-4o-mini', 0.15, 0.6),
      model('anthropic/claude-sonnet-4.5', 3, 15),
      model('google/gemini-2.5-flash', 0.3, 2.5),
      model('openai/gpt-5', 1.25, 10),
      model('x-ai/grok-4', 3, 15, ['xai-direct']),
      model('openai/gpt-4o-mini:free', 0, 0),
    ];
    expect(suggestRoom(models, 'openrouter').map((s) => [s.role, s.model.id])).toEqual([
      ['cheap', 'openai/gpt-4o-mini'],
      ['strong', 'anthropic/claude-sonnet-4.5'],
      ['another', 'google/gemini-2.5-flash'],
    ]);
  });

  it('without well-known models: the cheapest, the dearest and one between, each from another maker where it can', () => {
    const models = [model('a/one', 1, 1), model('b/two', 2, 2), model('c/three', 3, 3), model('a/four', 9, 9), model('d/five', 0.5, 0.5)];
    expect(suggestRoom(models, null).map((s) => [s.role, s.model.id])).toEqual([
      ['cheap', 'd/five'],
      ['strong', 'a/four'],
      ['another', 'c/three'],
    ]);
  });

  it('a local server: its first three models, free', () => {
    const local = ['qwen2.5', 'llama3.2', 'mistral', 'phi4'].map((n) => model(`ollama/${n}`, 0, 0, ['local:ollama']));
    const s = suggestRoom([...local, model('openai/gpt-4o', 2.5, 10)], 'local:ollama');
    expect(s.map((x) => [x.role, x.model.id])).toEqual([
      ['local', 'ollama/llama3.2'],
      ['local', 'ollama/mistral'],
      ['local', 'ollama/phi4'],
    ]);
    expect(priceText(s[0]!.model, true)).toBe('Free: runs on this machine');
  });

  it('nothing served by that provider: no suggestion', () => {
    expect(suggestRoom([model('openai/gpt-4o', 2.5, 10)], 'local:lm-studio')).toEqual([]);
  });

  it('shows prices per million tokens in cents', () => {
    expect(priceText({ promptUsdPerMTok: 0.15, completionUsdPerMTok: 0.6 }, false)).toBe('$0.15 in · $0.60 out per million tokens');
    expect(priceText({ promptUsdPerMTok: 3, completionUsdPerMTok: 15 }, false)).toBe('$3.00 in · $15.00 out per million tokens');
    expect(priceText({ promptUsdPerMTok: null, completionUsdPerMTok: 15 }, false)).toBe('Price not known');
  });
});
