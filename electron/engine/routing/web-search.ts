import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import { providerFor } from '../providers/registry';
import { webSearchWish } from '../providers/common/web-search';
import { DEFAULT_MAX_SEARCHES } from '../providers/anthropic/request';
import type { UpstreamConfig } from '../types';
import { resolveModel } from './candidates';
import type { Endpoint } from './route-types';

// Which endpoints can honour a web search (the `web` plugin or `:online`): OpenRouter for every model, a direct
// key where its provider has a search tool for the model (docs/provider-wire-formats.md §8). An upstream's own
// `supportsWebSearch` setting wins.

export function wantsWebSearch(req: ChatRequest): boolean {
  return webSearchWish(req) !== undefined;
}

/** The most searches one answer may run on an endpoint, for the worst-case cost: Anthropic's `max_uses` (Parley's
 * default when unset), one for OpenRouter's plugin (it runs once per request) and OpenAI's search models, and for
 * Gemini, which sets no bound of its own, the same default as Anthropic's. */
export function maxSearches(req: ChatRequest, ep: Pick<Endpoint, 'upstream'>): number {
  const wish = webSearchWish(req);
  if (!wish) return 0;
  switch (ep.upstream.kind) {
    case 'anthropic':
      return wish.maxUses ?? DEFAULT_MAX_SEARCHES;
    case 'gemini':
      return DEFAULT_MAX_SEARCHES;
    default:
      return 1;
  }
}

export function searchesTheWeb(ep: Pick<Endpoint, 'upstream' | 'nativeModel'>): boolean {
  const u = ep.upstream;
  if (u.supportsWebSearch !== undefined) return u.supportsWebSearch;
  return providerFor(u.kind).webSearch?.(u, ep.nativeModel) === true;
}

/** Whether any configured upstream can search the web for a model (what the room tells the user before sending). */
export function modelSearchesTheWeb(slug: string, upstreams: readonly UpstreamConfig[]): boolean {
  return resolveModel(slug, upstreams).candidates.some((c) => searchesTheWeb({ upstream: c.upstream, nativeModel: c.nativeModel }));
}
