import { findModel, findModelNaming, splitVariants } from './find-model';
import { dashedDate, matchesRule } from './match';
import type { Catalog, DirectModelEntry, ModelPricing, UpstreamRef } from './types';
import { OWN_PRICE_VARIANTS } from './variants';
import { isRouterKind } from '../providers/upstream-kinds';

// Which price list applies to a call: OpenRouter's list price for traffic on OpenRouter (BYOK or not), the
// provider's own price table for a direct key. A direct table answers only for the ids its entries' match rules
// accept (the rules of the reference price data, @pydantic/genai-prices), in table order, with its dated-id
// spelling and its fallback providers; a model it does not list has no price — Parley never borrows another
// provider's (or OpenRouter's) price for it. A free entry is free.

const PROVIDER_ALIASES: Record<string, string> = {
  gemini: 'google',
  'google-ai-studio': 'google',
  'google-vertex': 'google',
  'x-ai': 'xai',
  grok: 'xai',
  mistralai: 'mistral',
  'mistral-ai': 'mistral',
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

const entryMatches = (key: string, entry: DirectModelEntry, id: string): boolean =>
  entry.match ? matchesRule(entry.match, id) : key.toLowerCase() === id;

const memo = new WeakMap<Catalog, Map<string, DirectModelEntry | null>>();

function firstMatch(catalog: Catalog, provider: string, id: string, seen: Set<string>): DirectModelEntry | undefined {
  const table = catalog.direct[provider];
  if (!table || seen.has(provider)) return undefined;
  seen.add(provider);
  for (const [key, entry] of Object.entries(table.models)) if (entryMatches(key, entry, id)) return entry;
  for (const other of table.fallback ?? []) {
    const hit = firstMatch(catalog, other, id, seen);
    if (hit) return hit;
  }
  return undefined;
}

/** A direct provider's entry for a native model id, by the reference's rules: the first entry whose match rule
 * accepts the id (lower-cased), then the same with a dated suffix spelled with dashes, then the provider's
 * fallback providers. */
export function directEntry(catalog: Catalog, providerId: string, nativeModelId: string): DirectModelEntry | undefined {
  const provider = normalizeProviderId(providerId);
  let cache = memo.get(catalog);
  if (!cache) memo.set(catalog, (cache = new Map()));
  const id = nativeModelId.trim().toLowerCase();
  const key = `${provider}\u0000${id}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let hit = firstMatch(catalog, provider, id, new Set());
  const dashed = dashedDate(id);
  if (!hit && dashed !== id) hit = firstMatch(catalog, provider, dashed, new Set());
  if (cache.size > 10_000) cache.clear();
  cache.set(key, hit ?? null);
  return hit;
}

export function directPricing(catalog: Catalog, providerId: string, nativeModelId: string): ModelPricing | undefined {
  return directEntry(catalog, providerId, nativeModelId)?.pricing;
}

export interface PricingLookup {
  pricing?: ModelPricing;
  /** Why there is no price, in words, when there is none. */
  detail?: string;
}

/** The price list for `slug` served through `upstream`, or why Parley has none. OpenRouter traffic (BYOK or not)
 * is listed at OpenRouter's price; the BYOK fee is separate (see shared/billing/byok-fees.ts). */
export function lookupPricing(catalog: Catalog, slug: string, upstream: UpstreamRef): PricingLookup {
  if (isRouterKind(upstream.kind)) {
    const named = findModelNaming(catalog, slug);
    if (named) return { pricing: named.pricing };
    const model = findModel(catalog, slug);
    if (!model) return { detail: `${slug} is not in the price list` };
    const wanted = splitVariants(slug.toLowerCase()).variants.filter((v) => OWN_PRICE_VARIANTS.includes(v));
    const got = splitVariants(model.id.toLowerCase()).variants;
    const missing = wanted.find((v) => !got.includes(v));
    if (missing) return { detail: `the price list has no :${missing} variant of ${splitVariants(slug).base}` };
    return { pricing: model.pricing };
  }
  const provider = upstream.providerId ? normalizeProviderId(upstream.providerId) : undefined;
  if (!provider) return { detail: 'a custom endpoint has no price list' };
  const native = upstream.nativeModelId ?? guessNativeId(provider, slug);
  const table = catalog.direct[provider];
  if (!table) return { detail: `Parley has no price list for ${upstream.providerId}` };
  const pricing = directPricing(catalog, provider, native);
  return pricing ? { pricing } : { detail: `${native} is not in ${table.name}'s price list` };
}

export function pricingFor(catalog: Catalog, slug: string, upstream: UpstreamRef): ModelPricing | undefined {
  return lookupPricing(catalog, slug, upstream).pricing;
}
