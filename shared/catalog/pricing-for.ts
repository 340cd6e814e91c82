import { findModel, splitVariants } from './find-model';
import { matchesRule } from './match';
import type { Catalog, ModelPricing, UpstreamRef } from './types';

// Which price list applies to a call: OpenRouter's list price for traffic on OpenRouter credits, the provider's
// own price table for a direct (BYOK) key. OpenRouter passes provider list prices through without markup, so a
// model's first-party provider may fall back to the OpenRouter entry when its own table lacks the model.

const PROVIDER_ALIASES: Record<string, string> = {
  gemini: 'google',
  'google-ai-studio': 'google',
  'google-vertex': 'google',
  'x-ai': 'xai',
  grok: 'xai',
  mistralai: 'mistral',
  'mistral-ai': 'mistral',
};

/** OpenRouter slug author → the provider that runs that author's models first-hand. */
const AUTHOR_PROVIDER: Record<string, string> = {
  anthropic: 'anthropic',
  openai: 'openai',
  google: 'google',
  'x-ai': 'xai',
  mistralai: 'mistral',
  deepseek: 'deepseek',
};

export function normalizeProviderId(id: string): string {
  const s = id.toLowerCase().trim();
  return PROVIDER_ALIASES[s] ?? s;
}

/** The id a provider's API knows an OpenRouter slug by, when the caller did not say: the slug's tail, with
 * Anthropic's dots turned to dashes ("anthropic/claude-sonnet-4.5" → "claude-sonnet-4-5"). */
function guessNativeId(provider: string, slug: string): string {
  const tail = splitVariants(slug).base.split('/').pop() ?? slug;
  return provider === 'anthropic' ? tail.replace(/\./g, '-') : tail;
}

/** A direct provider's price entry for a native model id: exact key first, then the entries' match rules in order. */
export function directPricing(catalog: Catalog, providerId: string, nativeModelId: string): ModelPricing | undefined {
  const table = catalog.direct[normalizeProviderId(providerId)];
  if (!table) return undefined;
  const id = nativeModelId.trim();
  const exact = table.models[id] ?? table.models[id.toLowerCase()];
  if (exact) return exact.pricing;
  for (const entry of Object.values(table.models)) if (entry.match && matchesRule(entry.match, id)) return entry.pricing;
  return undefined;
}

/**
 * The price list for `slug` served through `upstream`, or undefined when Parley has none (custom endpoints,
 * local servers, models missing from the catalog). OpenRouter traffic (BYOK or not) is listed at OpenRouter's
 * price; the BYOK fee is separate (see shared/billing/byok-fees.ts).
 */
export function pricingFor(catalog: Catalog, slug: string, upstream: UpstreamRef): ModelPricing | undefined {
  if (upstream.kind === 'openrouter') return findModel(catalog, slug)?.pricing;
  const provider = upstream.providerId ? normalizeProviderId(upstream.providerId) : undefined;
  if (!provider) return undefined;
  const own = directPricing(catalog, provider, upstream.nativeModelId ?? guessNativeId(provider, slug));
  if (own) return own;
  const author = slug.split('/')[0]?.toLowerCase() ?? '';
  if (slug.includes('/') && AUTHOR_PROVIDER[author] === provider) return findModel(catalog, slug)?.pricing;
  return undefined;
}
