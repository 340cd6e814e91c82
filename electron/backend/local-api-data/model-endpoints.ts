import { isLocalServer, providerSlugOf, resolveModel, type EndpointHealthSnapshot, type Percentiles, type UpstreamConfig } from '../../engine';
import type { CatalogModel, ModelPricing } from '../../../shared/catalog/types';
import type { ModelSummary } from '../../../shared/contract/models';
import { openRouterModel, openRouterPricing } from './openrouter-models';

// GET /models/{author}/{slug}/endpoints for the local API (docs/openrouter-api.md §8.4, §12.4): the upstreams Parley
// would route the model to, each priced as Parley prices it there, with the health the engine measured
// (uptime, time to first token and speed over the last 30 minutes; null before any request).

export interface EndpointSources {
  summary?: ModelSummary;
  model?: CatalogModel;
  upstreams: UpstreamConfig[];
  pricingOf: (slug: string, upstream: UpstreamConfig) => ModelPricing | undefined;
  health: EndpointHealthSnapshot[];
}

const seconds = (p: Percentiles | null) => (p ? { p50: p.p50 / 1000, p75: p.p75 / 1000, p90: p.p90 / 1000, p99: p.p99 / 1000 } : null);

export function modelEndpoints(slug: string, src: EndpointSources): Record<string, unknown> | undefined {
  const resolved = resolveModel(slug, src.upstreams);
  if (!src.summary && !src.model && resolved.candidates.length === 0) return undefined;
  const summary: ModelSummary = src.summary ?? {
    id: resolved.slug, name: resolved.slug, provider: resolved.slug.split('/')[0] ?? '', contextLength: null, inputModalities: ['text'],
    outputModalities: ['text'], promptUsdPerMTok: null, completionUsdPerMTok: null, isFree: false, supportsReasoning: false,
    supportsTools: false, servedBy: [], servedByIds: [], pricing: null,
  };
  const entry = openRouterModel(summary, src.model);
  const health = new Map(src.health.map((h) => [h.key, h]));
  // Every upstream kind takes `tool_choice` in all its forms wherever the model takes it (docs/openrouter-api.md §12.5).
  const toolChoice = (entry.supported_parameters as string[]).includes('tool_choice');
  const endpoints = resolved.candidates.map(({ upstream, nativeModel }) => {
    const h = health.get(`${upstream.id}|${nativeModel}`);
    const pricing = isLocalServer(upstream) ? { prompt: '0', completion: '0' } : src.pricingOf(resolved.slug, upstream);
    return {
      name: `${upstream.label} | ${entry.name as string}`,
      model_id: entry.id,
      model_name: entry.name,
      provider_name: upstream.label,
      tag: providerSlugOf(upstream),
      context_length: entry.context_length ?? 0, // OpenRouter's schema has no "unknown" here
      max_completion_tokens: src.model?.top_provider?.max_completion_tokens ?? null,
      max_prompt_tokens: null,
      pricing: openRouterPricing(pricing ?? { prompt: '-1', completion: '-1' }),
      quantization: null,
      status: h?.recentlyFailed ? -1 : 0,
      uptime_last_5m: h?.uptime5m ?? null,
      uptime_last_30m: h?.uptime30m ?? null,
      uptime_last_1d: null,
      latency_last_30m: seconds(h?.ttftMs30m ?? null),
      throughput_last_30m: h?.tokensPerSecond30m ?? null,
      supported_parameters: entry.supported_parameters,
      supports_implicit_caching: pricing?.input_cache_read !== undefined && upstream.kind !== 'anthropic',
      supports_tool_choice: { auto: toolChoice, none: toolChoice, required: toolChoice, function: toolChoice },
    };
  });
  return {
    id: entry.id,
    name: entry.name,
    created: entry.created,
    description: entry.description,
    architecture: entry.architecture,
    endpoints,
  };
}
