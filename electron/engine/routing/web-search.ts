import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import { providerFor } from '../providers/registry';
import { webSearchWish } from '../providers/common/web-search';
import type { UpstreamConfig } from '../types';
import { resolveModel } from './candidates';
import type { Endpoint } from './route-types';

// Which endpoints can honour a web search (the `web` plugin or `:online`): OpenRouter for every model, a direct
// key where its provider has a search tool for the model (docs/provider-wire-formats.md §8). An upstream's own
// `supportsWebSearch` setting wins.

export function wantsWebSearch(req: ChatRequest): boolean {
  return webSearchWish(req) !== undefined;
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
