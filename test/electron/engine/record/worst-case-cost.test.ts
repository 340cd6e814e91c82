import { describe, expect, it } from 'vitest';
import { worstCaseCost } from '../../../../electron/engine/record/worst-case-cost';
import type { PriceInfo, RouteStep } from '../../../../electron/engine/routing/route-types';
import type { UpstreamConfig } from '../../../../electron/engine/types';
import type { ChatRequest } from '../../../../shared/openrouter/chat-request';
import { estimateRequestTokens } from '../../../../shared/billing/estimate-tokens';

// The most a request can cost before it is sent: what budgets hold for it while it runs.

const req: ChatRequest = { model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'Say hello in five languages.' }] };
const prompt = estimateRequestTokens(req).tokens;
const openai: UpstreamConfig = { id: 'openai', kind: 'openai-compatible', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', isByok: true };
const openrouter: UpstreamConfig = { id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', isByok: false };
const ollama: UpstreamConfig = { id: 'custom:ollama', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', isByok: true };

function step(upstream: UpstreamConfig, price: PriceInfo | undefined, body: ChatRequest = req): RouteStep {
  return {
    endpoint: { key: upstream.id, upstream, provider: upstream.id, modelSlug: 'openai/gpt-4o', nativeModel: 'gpt-4o', requested: 'openai/gpt-4o', variants: [], ...(price ? { price } : {}) },
    body,
  };
}

const gpt4o: PriceInfo = { promptPerMTok: 2.5, completionPerMTok: 10 };

describe('worstCaseCost', () => {
  it('prices the counted prompt at the input price and max_tokens at the output price, rounded up', () => {
    const body = { ...req, max_tokens: 100 };
    expect(worstCaseCost(body, [step(openai, gpt4o, body)], undefined)).toEqual({ known: true, micros: Math.ceil(prompt * 2.5 + 100 * 10) });
    const newer = { ...req, max_completion_tokens: 50, max_tokens: 100 };
    expect(worstCaseCost(newer, [step(openai, gpt4o, newer)], undefined)).toEqual({ known: true, micros: Math.ceil(prompt * 2.5 + 50 * 10) });
  });

  it('bounds the output by the model’s limit without max_tokens, and max_tokens by it too', () => {
    const limits = () => ({ maxOutputTokens: 16_384, contextLength: 128_000 });
    expect(worstCaseCost(req, [step(openai, gpt4o)], limits)).toEqual({ known: true, micros: Math.ceil(prompt * 2.5 + 16_384 * 10) });
    const huge = { ...req, max_tokens: 1_000_000 };
    expect(worstCaseCost(huge, [step(openai, gpt4o, huge)], limits)).toEqual({ known: true, micros: Math.ceil(prompt * 2.5 + 16_384 * 10) });
    // only a context window: what it leaves after the prompt
    expect(worstCaseCost(req, [step(openai, gpt4o)], () => ({ contextLength: 1_000 }))).toEqual({ known: true, micros: Math.ceil(prompt * 2.5 + (1_000 - prompt) * 10) });
  });

  it('takes the dearest endpoint the request may be tried on, adds per-request fees, and counts local servers as free', () => {
    const body = { ...req, max_tokens: 10 };
    const dear: PriceInfo = { promptPerMTok: 5, completionPerMTok: 15, request: 0.001 };
    expect(worstCaseCost(body, [step(openai, gpt4o, body), step(openrouter, dear, body)], undefined)).toEqual({ known: true, micros: Math.ceil(prompt * 5 + 10 * 15 + 1_000) });
    expect(worstCaseCost(body, [step(ollama, undefined, body)], undefined)).toEqual({ known: true, micros: 0 });
  });

  it('says when it cannot bound the cost: no price, or no output ceiling at a paid output price', () => {
    expect(worstCaseCost(req, [step(openai, undefined)], undefined)).toEqual({ known: false, atLeastMicros: 0 });
    expect(worstCaseCost(req, [step(openai, gpt4o)], undefined)).toEqual({ known: false, atLeastMicros: Math.ceil(prompt * 2.5) });
    expect(worstCaseCost(req, [step(openai, { promptPerMTok: 0, completionPerMTok: 0 })], undefined)).toEqual({ known: true, micros: 0 });
  });
});
