// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { estimateFor, outputRange } from '../../../../renderer/common/money/estimate';
import { modelForPricing } from '../../../../renderer/common/money/model-pricing';
import { answerLengths } from '../../../../renderer/money/estimate/use-answer-lengths';
import { modelSummary } from '../../support/model-summaries';
import { makeRecord } from '../../support/generation-records';

const hello = { messages: [{ role: 'user' as const, content: 'hello world' }] }; // 9 tokens (o200k_base)
const gpt = modelSummary({ id: 'openai/gpt-4o', name: 'GPT-4o', promptUsdPerMTok: 2.5, completionUsdPerMTok: 10, pricing: { prompt: '0.0000025', completion: '0.00001' } });

describe('the answer’s likely length', () => {
  it('is this model’s typical answer in the user’s history: 25th to 90th percentile', () => {
    // 10 earlier answers of 100…1000 tokens: p25 = 300, p90 = 900
    expect(outputRange([1000, 100, 200, 300, 400, 500, 600, 700, 800, 900], undefined)).toEqual({ lowTokens: 300, highTokens: 900, basis: 'history', samples: 10 });
    // capped by max_tokens
    expect(outputRange([1000, 100, 200, 300, 400, 500, 600, 700, 800, 900], 500)).toMatchObject({ lowTokens: 300, highTokens: 500, basis: 'history' });
  });

  it('is up to max_tokens without enough history, and unknown without either', () => {
    expect(outputRange([120, 80], 2000)).toEqual({ lowTokens: 0, highTokens: 2000, basis: 'max_tokens' });
    expect(outputRange([], undefined)).toBeUndefined();
  });

  it('prices input and the output range at the model’s rates', () => {
    const e = estimateFor('openai/gpt-4o', { ...hello, max_tokens: 1000 }, [gpt]);
    // 9 × 2.5 = 22.5 → 23 µ$; output 0 … 1000 × 10 = 10,000 µ$
    expect(e).toMatchObject({ tokens: 9, inputCostMicros: 23, output: { lowTokens: 0, highTokens: 1000, lowMicros: 0, highMicros: 10_000, basis: 'max_tokens' } });
    const fromHistory = estimateFor('openai/gpt-4o', hello, [gpt], [100, 200, 300, 400]);
    expect(fromHistory.output).toMatchObject({ lowTokens: 100, highTokens: 400, lowMicros: 1000, highMicros: 4000, samples: 4 });
  });

  it('learns lengths from reported answers only', () => {
    const rows = [
      makeRecord({ id: 'a', tokens: { prompt: 1, completion: 300, cacheRead: 0, cacheWrite: 0, reasoning: 0 } }),
      makeRecord({ id: 'b', tokens: { prompt: 1, completion: 500, cacheRead: 0, cacheWrite: 0, reasoning: 0, estimated: true } }),
      makeRecord({ id: 'c', tokens: { prompt: 1, completion: 700, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, error: { code: 502, message: 'x' } }),
    ];
    expect(answerLengths(rows).get('openai/gpt-4o')).toEqual([300]);
  });
});

describe('which price list an estimate uses', () => {
  it('prices :free only where the catalog lists it', () => {
    const free = modelSummary({ id: 'meta/llama:free', promptUsdPerMTok: 0, completionUsdPerMTok: 0, isFree: true });
    expect(modelForPricing([gpt, free], 'meta/llama:free').pricing).toEqual({ prompt: '0', completion: '0' });
    expect(modelForPricing([gpt], 'openai/gpt-4o:free')).toMatchObject({ detail: 'the price list has no :free variant of openai/gpt-4o' });
    expect(modelForPricing([gpt], 'openai/gpt-4o:nitro').pricing).toEqual({ prompt: '0.0000025', completion: '0.00001' });
  });

  it('uses the catalog’s full price list: cached tokens at their own price', () => {
    const full = modelSummary({ id: 'x/y', pricing: { prompt: '0.000003', completion: '0.000015', input_cache_read: '0.0000003' } });
    expect(modelForPricing([full], 'x/y').pricing).toMatchObject({ input_cache_read: '0.0000003' });
  });
});
