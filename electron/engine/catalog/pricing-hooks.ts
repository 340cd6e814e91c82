import { computeCost } from '../../../shared/billing/cost';
import { findModel } from '../../../shared/catalog/find-model';
import { pricingFor } from '../../../shared/catalog/pricing-for';
import type { Catalog, ModelPricing, UpstreamRef } from '../../../shared/catalog/types';
import type { PricingSnapshot, TokenCounts } from '../../../shared/openrouter/generation';
import { providerFor } from '../providers/registry';
import { nativeIdForSlug } from '../routing/model-ids';
import { isLocalServer } from '../routing/providers';
import type { PriceInfo, PricingLookup } from '../routing/route-types';
import type { PriceUsageHook } from '../record/cost-fields';
import type { PriceSnapshotHook } from '../record/usage-and-cost';
import type { UpstreamConfig } from '../types';

// The engine's pricing hooks (EngineOptions.pricing / .priceUsage) backed by the catalog. `getCatalog` is called
// on every lookup, so a refreshed catalog takes effect at once. Local model servers have no price list (routing
// treats them as free) and their usage costs 0 with reason 'free'.

export interface PricingHooks {
  pricing: PricingLookup;
  /** Also accepts the request's variants (e.g. ["free"]) as an optional 4th argument. */
  priceUsage: PriceUsageHook & ((modelSlug: string, upstream: UpstreamConfig, tokens: TokenCounts, variants?: readonly string[]) => ReturnType<PriceUsageHook>);
  /** The rates a call is priced with, kept on its record. */
  priceSnapshot: PriceSnapshotHook;
  /** The price list used for a call, for display. */
  pricingOf(modelSlug: string, upstream: UpstreamConfig): ModelPricing | undefined;
  /** Whether the catalog has the model (aliases and variant suffixes included). */
  knownModel(modelSlug: string): boolean;
}

/** How pricing sees an engine upstream. */
export function upstreamRef(modelSlug: string, u: UpstreamConfig): UpstreamRef {
  const provider = providerFor(u.kind);
  const slug = provider.slug(u);
  const providerId = provider.priceTable(u) ?? slug;
  const ref: UpstreamRef = { kind: u.kind, isByok: u.isByok, providerId };
  if (u.kind !== 'openrouter') {
    const prefix = `${slug}/`;
    ref.nativeModelId = modelSlug.startsWith(prefix) && u.kind === 'openai-compatible' ? modelSlug.slice(prefix.length) : nativeIdForSlug(modelSlug);
  }
  return ref;
}

/** USD per token as OpenRouter writes it ("0.000003") → USD per million tokens; undefined when not a price. */
export const perMTok = (s: string | undefined): number | undefined => {
  const n = s === undefined ? Number.NaN : Number(s);
  return Number.isFinite(n) && n >= 0 ? n * 1_000_000 : undefined;
};

/** `sourceOf` names where the catalog came from ("live", "cache", "bundled") for the snapshots. */
export function createPricingHooks(getCatalog: () => Catalog, sourceOf: () => string = () => 'bundled'): PricingHooks {
  const pricingOf = (modelSlug: string, upstream: UpstreamConfig): ModelPricing | undefined =>
    isLocalServer(upstream) ? undefined : pricingFor(getCatalog(), modelSlug, upstreamRef(modelSlug, upstream));

  const pricing: PricingLookup = (modelSlug, upstream): PriceInfo | undefined => {
    const p = pricingOf(modelSlug, upstream);
    const prompt = perMTok(p?.prompt);
    const completion = perMTok(p?.completion);
    if (prompt === undefined || completion === undefined) return undefined;
    const request = p?.request !== undefined ? Number(p.request) : undefined;
    return { promptPerMTok: prompt, completionPerMTok: completion, ...(request !== undefined && Number.isFinite(request) ? { request } : {}) };
  };

  const priceUsage = (modelSlug: string, upstream: UpstreamConfig, tokens: TokenCounts, variants?: readonly string[]) => {
    if (isLocalServer(upstream)) return { micros: 0, reason: 'free' as const };
    const r = computeCost(tokens, pricingOf(modelSlug, upstream), { variant: upstream.kind === 'openrouter' ? variants : undefined });
    return { micros: r.micros, reason: r.reason };
  };

  const priceSnapshot = (modelSlug: string, upstream: UpstreamConfig): PricingSnapshot | undefined => {
    const p = pricingOf(modelSlug, upstream);
    if (!p) return undefined;
    const rates: Record<string, string> = {};
    for (const [k, v] of Object.entries(p)) if (typeof v === 'string') rates[k] = v;
    return { capturedAt: Date.now(), source: sourceOf(), rates };
  };

  const knownModel = (modelSlug: string) => findModel(getCatalog(), modelSlug) !== undefined;

  return { pricing, priceUsage, priceSnapshot, pricingOf, knownModel };
}
