import { isLocalServer, providerSlugOf, resolveModel, type UpstreamConfig } from '../../engine';
import type { ModelPricing } from '../../../shared/catalog/types';
import type { ModelEndpointPrice } from '../../../shared/contract/catalog-endpoints';

// A model's price on each of the user's upstreams that can serve it, in routing order: a direct provider key
// first, then custom endpoints and local servers, then OpenRouter (its list price; the BYOK fee is Reprice's).
// The same prices the engine bills with (the catalog's pricing hooks), so a row "model via provider" says what
// a request there would have cost.

export interface EndpointPriceSources {
  upstreams: () => UpstreamConfig[];
  pricingOf: (slug: string, upstream: UpstreamConfig) => ModelPricing | undefined;
}

export function endpointPrices(model: string, src: EndpointPriceSources): { model: string; endpoints: ModelEndpointPrice[] } {
  const resolved = resolveModel(model, src.upstreams());
  const seen = new Set<string>();
  const endpoints: ModelEndpointPrice[] = [];
  for (const { upstream } of resolved.candidates) {
    if (seen.has(upstream.id)) continue;
    seen.add(upstream.id);
    const local = isLocalServer(upstream);
    const pricing: ModelPricing | undefined = local ? { prompt: '0', completion: '0' } : src.pricingOf(resolved.slug, upstream);
    endpoints.push({
      upstreamId: upstream.id,
      provider: providerSlugOf(upstream),
      label: upstream.label,
      pricing: pricing ? (pricing as unknown as Record<string, unknown>) : null,
      ...(pricing ? {} : { problem: `${upstream.label} has no price for ${resolved.slug}` }),
      byok: upstream.isByok,
      local,
    });
  }
  return { model: resolved.slug, endpoints };
}
