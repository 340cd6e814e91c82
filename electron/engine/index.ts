// Public API of Parley's routing engine (pure Node; never imports 'electron').
export { createEngine } from './engine';
export type { Engine, EngineOptions, EngineLogger, ChatOptions, ChatResult, RoutePreview } from './engine';
export { startLocalApi } from './api/local-api';
export type { LocalApi, LocalApiOptions } from './api/local-api';
export { buildUpstreams, upstreamsFromEnv, customUpstream, normaliseBaseUrl } from './config/build-upstreams';
export type { StoredUpstreamEntry, CustomUpstreamInput, UpstreamSources } from './config/build-upstreams';
export { detectLocalServers } from './config/detect-local';
export type { DetectOptions } from './config/detect-local';
export { listUpstreamModels } from './config/list-models';
export type { ListModelsResult, ListModelsOptions } from './config/list-models';
export { DEFAULT_BASE_URLS } from './config/defaults';
export type { PriceInfo, PricingLookup } from './routing/route-types';
export type { PriceUsageHook } from './routing/record';
export type { EndpointHealthSnapshot } from './health/endpoint-health';
export { nativeIdForSlug, slugForNativeId } from './routing/model-ids';
export { providerSlugOf } from './routing/providers';
export type { EngineError } from './errors';
export type { UpstreamConfig, ProviderAdapter } from './types';
