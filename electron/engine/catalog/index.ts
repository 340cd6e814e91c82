// Model catalog at run time: live refresh of OpenRouter's /models with a disk cache and the bundled snapshot as
// the offline fallback; pricing hooks for the engine.
export {
  CACHE_FILE,
  DEFAULT_MODELS_BASE_URL,
  loadCatalog,
  refreshCatalog,
  type CatalogSource,
  type LoadedCatalog,
  type LoadOptions,
  type RefreshOptions,
} from './catalog-store';
export { parseLiveModels } from './live-models';
export { createPricingHooks, perMTok, upstreamRef, type PricingHooks } from './pricing-hooks';
