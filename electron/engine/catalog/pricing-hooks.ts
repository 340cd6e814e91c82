import { computeCost } from '../../../shared/billing/cost';
import { lookupPricing, type PricingLookup as CatalogLookup } from '../../../shared/catalog/pricing-for';
import { findModel } from '../../../shared/catalog/find-model';
import { STATIC_VARIANTS } from '../../../shared/catalog/variants';
import { pricesAt } from '../../../shared/catalog/prices-at';
import type { Catalog, ModelPricing, UpstreamRef } from '../../../shared/catalog/types';
import { isRouter, providerFor } from '../providers/registry';
import { nativeIdForSlug } from '../routing/model-ids';
import { isLocalServer } from '../routing/providers';
import type { PriceInfo, PricingLookup } from '../routing/route-types';
import type { PricedUsage, PriceUsageHook } from '../record/cost-fields';
import type { PriceSnapshotHook } from '../record/usage-and-cost';
import type { UpstreamConfig } from '../types';

// The engine's pricing hooks (EngineOptions.pricing / .priceUsage) backed by the catalog. `getCatalog` is called
// on every lookup, so a refreshed catalog takes effect at once. Local model servers have no price list (routing
// treats them as free) and their usage costs 0 with reason 'free'.

export interface PricingHooks {
  pricing: PricingLookup;
  /** Prices a request's units at its time; the variants (["free"]) pick the catalog's static variant. */
  priceUsage: PriceUsageHook;
  /** The rates a call is priced with, kept on its record. */
  priceSnapshot: PriceSnapshotHook;
  /** The price list used for a call, for display. */
  pricingOf(modelSlug: string, upstream: UpstreamConfig, variants?: readonly string[]): ModelPricing | undefined;
  /** Whether the catalog has the model (aliases and variant suffixes included). */
  knownModel(modelSlug: string): boolean;
}

/** How pricing sees an engine upstream. */
export function upstreamRef(modelSlug: string, u: UpstreamConfig): UpstreamRef {
  const provider = providerFor(u.kind);
  const slug = provider.slug(u);
  const providerId = provider.priceTable(u) ?? slug;
  const ref: UpstreamRef = { kind: u.kind, isByok: u.isByok, providerId };
  if (!isRouter(u)) {
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

export interface CatalogInfo {
  source: string; // "live", "cache" or "bundled"
  listDate?: string; // YYYY-MM-DD the price list is from
}

/** `info` names where the catalog came from and its date, for the snapshots. */
export function createPricingHooks(getCatalog: () => Catalog, info: () => string | CatalogInfo = () => 'bundled'): PricingHooks {
  const catalogInfo = (): CatalogInfo => {
    const i = info();
    return typeof i === 'string' ? { source: i, listDate: getCatalog().snapshotDate } : i;
  };
  const lookup = (modelSlug: string, upstream: UpstreamConfig, variants: readonly string[] = []): CatalogLookup => {
    if (isLocalServer(upstream)) return {};
    const statics = isRouter(upstream) ? variants.filter((v) => (STATIC_VARIANTS as readonly string[]).includes(v)) : [];
    const slug = [modelSlug, ...statics].join(':');
    return lookupPricing(getCatalog(), slug, upstreamRef(slug, upstream));
  };
  const pricingOf = (modelSlug: string, upstream: UpstreamConfig, variants?: readonly string[]) => lookup(modelSlug, upstream, variants).pricing;

  /** The price set in force now, out of a model's price history. */
  const pricingNow = (modelSlug: string, upstream: UpstreamConfig, variants?: readonly string[]) => {
    const p = pricingOf(modelSlug, upstream, variants);
    return p && pricesAt(p, Date.now());
  };

  const pricing: PricingLookup = (modelSlug, upstream): PriceInfo | undefined => {
    const p = pricingNow(modelSlug, upstream);
    const prompt = perMTok(p?.prompt);
    const completion = perMTok(p?.completion);
    if (prompt === undefined || completion === undefined) return undefined;
    const request = p?.request !== undefined ? Number(p.request) : undefined;
    const webSearch = p?.web_search !== undefined ? Number(p.web_search) : undefined;
    return {
      promptPerMTok: prompt,
      completionPerMTok: completion,
      ...(request !== undefined && Number.isFinite(request) ? { request } : {}),
      ...(webSearch !== undefined && Number.isFinite(webSearch) && webSearch > 0 ? { webSearch } : {}),
    };
  };

  const priceUsage: PriceUsageHook = (modelSlug, upstream, tokens, variants, at) => {
    if (isLocalServer(upstream)) return { micros: 0, exactMicros: '0', reason: 'free' };
    const found = lookup(modelSlug, upstream, variants);
    const r = computeCost(tokens, found.pricing, { at: at ?? Date.now() });
    const out: PricedUsage = { micros: r.micros, reason: r.reason };
    if (r.exactMicros !== undefined) out.exactMicros = r.exactMicros;
    if (r.breakdown.length) out.lines = r.breakdown;
    if (r.cacheSavingsMicros !== undefined) out.cacheSavingsMicros = r.cacheSavingsMicros;
    if (found.detail) out.detail = found.detail;
    return out;
  };

  const priceSnapshot: PriceSnapshotHook = (modelSlug, upstream, variants) => {
    const capturedAt = Date.now();
    const listed = pricingOf(modelSlug, upstream, variants);
    if (!listed) return undefined;
    const p = pricesAt(listed, capturedAt);
    const rates: Record<string, string> = {};
    for (const [k, v] of Object.entries(p)) if (typeof v === 'string' && k !== 'from_date') rates[k] = v;
    const { source, listDate } = catalogInfo();
    return { capturedAt, source, rates, ...(listDate ? { listDate } : {}) };
  };

  const knownModel = (modelSlug: string) => findModel(getCatalog(), modelSlug) !== undefined;

  return { pricing, priceUsage, priceSnapshot, pricingOf, knownModel };
}
