// The routing engine's front door (pure Node; never imports 'electron'). Code outside electron/engine/ imports
// from here only; eslint enforces it.

// Chat: validate, route, fail over, record.
export { createEngine } from './engine';
export type { Engine, EngineOptions, EngineLogger, ChatOptions, ChatResult, RoutePreview, EngineEvent, EngineEventSink } from './engine';
export type { EngineError } from './errors';
export type { RequestWatcher, ServedEndpoint } from './record/request-watcher';
export type { UpstreamConfig, ProviderAdapter } from './types';

// Providers: one module per kind of upstream.
export { PROVIDERS, providerFor, adapterFor, providerSlugOf } from './providers/registry';
export type { ProviderModule } from './providers/provider-module';

// Where the upstream list comes from: stored keys, the environment, custom endpoints, detected local servers.
export { buildUpstreams, upstreamsFromEnv, envBaseUrl, customUpstream, normaliseBaseUrl } from './config/build-upstreams';
export type { StoredUpstreamEntry, CustomUpstreamInput, UpstreamSources } from './config/build-upstreams';
export { detectLocalServers } from './config/detect-local';
export type { DetectOptions } from './config/detect-local';
export { listUpstreamModels } from './config/list-models';
export type { ListModelsResult, ListModelsOptions } from './config/list-models';

// Routing facts others show: which upstreams serve a model, and what it is called there.
export { resolveModel } from './routing/candidates';
export { modelSearchesTheWeb } from './routing/web-search';
export { isCustomUpstream, isLocalServer } from './routing/providers';
export { nativeIdForSlug, slugForNativeId } from './routing/model-ids';
export type { PriceInfo, PricingLookup } from './routing/route-types';
export type { PriceUsageHook } from './record/cost-fields';
export { usageCostOf } from './record/usage-and-cost';
export type { PriceSnapshotHook } from './record/usage-and-cost';
export type { EndpointHealthSnapshot, Percentiles } from './health/endpoint-health';

// Prices: the catalog (bundled snapshot, disk cache, live refresh) and the pricing hooks built on it.
export { loadCatalog, refreshCatalog, createPricingHooks, perMTok, parseLiveModels } from './catalog';
export type { LoadedCatalog, RefreshOptions, PricingHooks } from './catalog';

// The OpenRouter account: balance, key limits, generation lookups for reconciliation.
export { createAccountClient, createReconciliationQueue } from './account';
export type { AccountClient, ReconcileOutcome } from './account';

// The local OpenRouter-compatible API for other apps.
export { startLocalApi } from './api/local-api';
export type { LocalApi, LocalApiOptions } from './api/local-api';
export type { Admission, ApiCaller, AuthOutcome, LocalApiAccess } from './api/auth';
export type { WorstCase, ModelLimits, ModelLimitsLookup } from './record/worst-case-cost';
export { tokenHash } from './api/auth';
export { cachedAuth, type AuthCache } from './api/auth-cache';
export type { LocalApiData } from './api/info-routes';
export { openRouterChunks } from './api/openrouter-chunks';
