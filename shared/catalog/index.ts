// Model catalog: OpenRouter-shaped model list plus direct-provider price tables. See types.ts for the shape.
export type {
  Catalog,
  CatalogModel,
  DirectModelEntry,
  DirectProviderPrices,
  MatchRule,
  ModelArchitecture,
  ModelPricing,
  PriceOverride,
  PriceTier,
  ReasoningInfo,
  ScheduledPrices,
  UpstreamRef,
} from './types';
export { loadBundledCatalog } from './bundled';
export { findModel, splitVariants, VARIANT_SUFFIXES, type VariantSuffix } from './find-model';
export { directEntry, directPricing, lookupPricing, normalizeProviderId, pricingFor, type PricingLookup } from './pricing-for';
export { matchesRule } from './match';
export { inUtcWindow, pricesAt } from './prices-at';
