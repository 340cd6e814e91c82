import { describe, expect, it } from 'vitest';
import { worstCaseCost } from '../../../../electron/engine/record/worst-case-cost';
import { createPricingHooks } from '../../../../electron/engine/catalog/pricing-hooks';
import type { PriceInfo, RouteStep } from '../../../../electron/engine/routing/route-types';
import type { UpstreamConfig } from '../../../../electron/engine/types';
import { loadBundledCatalog } from '../../../../shared/catalog';
import type { ChatRequest } from '../../../../shared/openrouter/chat-request';
import { estimateRequestTokens } from '../../../../shared/billing/estimate-tokens';

// What a budget holds for an answer that may search: its searches at the per-search price, as many as the
// endpoint may run (Anthropic's max_uses, else 5; one for OpenRouter's plugin and OpenAI's search models).

const base: ChatRequest = { model: 'anthropic/claude-sonnet-4.5', messages: [{ role: 'user', content: 'Tides in Brest?' }], max_tokens: 100 };
const prompt = estimateRequestTokens(base).tokens;
const anthropic: UpstreamConfig = { id: 'anthropic', kind: 'anthropic', label: 'Anthropic', baseUrl: 'https://api.anthropic.com', isByok: true };
const openrouter: UpstreamConfig = { id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', isByok: false };
const sonnet: PriceInfo = { promptPerMTok: 3, completionPerMTok: 15, webSearch: 0.01 };
const step = (upstream: UpstreamConfig, body: ChatRequest, price: PriceInfo = sonnet): RouteStep => ({
  endpoint: { key: upstream.id, upstream, provider: upstream.id, modelSlug: 'anthropic/claude-sonnet-4.5', nativeModel: 'claude-sonnet-4-5', requested: body.model!, variants: [], price },
  body,
});
const tokensMicros = prompt * 3 + 100 * 15;

describe('worst-case cost with web search', () => {
  it('adds max_uses searches on Anthropic (5 when unset) and one on OpenRouter', () => {
    const two = { ...base, plugins: [{ id: 'web', max_uses: 2 }] };
    expect(worstCaseCost(two, [step(anthropic, two)], undefined)).toEqual({ known: true, micros: Math.ceil(tokensMicros + 2 * 10_000) });
    const unset = { ...base, plugins: [{ id: 'web' }] };
    expect(worstCaseCost(unset, [step(anthropic, unset)], undefined)).toEqual({ known: true, micros: Math.ceil(tokensMicros + 5 * 10_000) });
    expect(worstCaseCost(unset, [step(openrouter, unset)], undefined)).toEqual({ known: true, micros: Math.ceil(tokensMicros + 10_000) });
  });

  it('adds nothing without the plugin, or with it disabled', () => {
    expect(worstCaseCost(base, [step(anthropic, base)], undefined)).toEqual({ known: true, micros: Math.ceil(tokensMicros) });
    const off = { ...base, plugins: [{ id: 'web', enabled: false }] };
    expect(worstCaseCost(off, [step(anthropic, off)], undefined)).toEqual({ known: true, micros: Math.ceil(tokensMicros) });
  });

  it('the catalog gives the per-search price', () => {
    const hooks = createPricingHooks(() => loadBundledCatalog());
    expect(hooks.pricing!('anthropic/claude-sonnet-4.5', anthropic)).toMatchObject({ promptPerMTok: 3, completionPerMTok: 15, webSearch: 0.01 });
    expect(hooks.pricing!('openai/gpt-4o', openrouter)).not.toHaveProperty('webSearch');
  });
});
