import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { UpstreamConfig } from '../types';
import type { Variant } from './variants';

/** USD per million tokens (and per request), as OpenRouter's `max_price` counts it. */
export interface PriceInfo {
  promptPerMTok: number;
  completionPerMTok: number;
  request?: number;
  webSearch?: number; // USD per web search, where the price list has one
}

export type PricingLookup = (modelSlug: string, upstream: UpstreamConfig) => PriceInfo | undefined;

/** One way to serve one model: an upstream plus the id it knows the model by. */
export interface Endpoint {
  key: string; // health key: `${upstream.id}|${nativeModel}`
  upstream: UpstreamConfig;
  provider: string; // provider slug ("anthropic", "openrouter", "ollama")
  modelSlug: string; // OpenRouter-style slug without variants: what `model` says in the output
  nativeModel: string; // what the upstream is asked for (OpenRouter: the slug plus passed-through variants)
  requested: string; // the entry of `model`/`models` this endpoint serves
  variants: Variant[];
  price?: PriceInfo;
}

/** An endpoint together with the exact body to send it. */
export interface RouteStep {
  endpoint: Endpoint;
  body: ChatRequest;
}

export type RoutePlan =
  | { ok: true; steps: RouteStep[] }
  | { ok: false; status: 400 | 404; message: string; metadata?: Record<string, unknown>; availability?: Availability };

/** OpenRouter's `error.availability` (docs/openrouter-api.md §5.4) for a request no endpoint can take. */
export interface Availability {
  code: string;
  retryable: boolean;
  requested_models: string[];
  excluded_by?: string[];
}
