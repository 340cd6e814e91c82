import type { ChatRequest, ProviderPreferences } from '../../../shared/openrouter/chat-request';
import type { Endpoint } from './route-types';
import { upstreamNames } from './providers';
import { isRouter } from '../providers/registry';

// The body one endpoint receives: `models` is resolved by Parley (one model per attempt), variants are applied,
// and the `provider` preferences go to OpenRouter only, minus the names that mean something only to Parley.

const OPENROUTER_SLUG_ALIASES: Record<string, string> = { google: 'google-ai-studio' };

export function forwardedProviderPreferences(
  prefs: ProviderPreferences | undefined,
  routerNames: ReadonlySet<string>,
  localOnly: ReadonlySet<string>,
): ProviderPreferences | undefined {
  if (!prefs) return undefined;
  const out: ProviderPreferences = { ...prefs };
  for (const field of ['order', 'only', 'ignore'] as const) {
    const list = prefs[field];
    if (!list) continue;
    const kept = list
      .map((n) => n.toLowerCase())
      .filter((n) => !localOnly.has(n) && !routerNames.has(n))
      .map((n) => OPENROUTER_SLUG_ALIASES[n] ?? n);
    if (kept.length > 0) out[field] = kept;
    else delete out[field];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function buildUpstreamBody(req: ChatRequest, ep: Endpoint, localOnly: ReadonlySet<string>): ChatRequest {
  const body: ChatRequest = { ...req, model: ep.nativeModel, stream: true };
  delete body.models;
  if (isRouter(ep.upstream)) {
    const provider = forwardedProviderPreferences(req.provider, upstreamNames(ep.upstream), localOnly);
    if (provider) body.provider = provider;
    else delete body.provider;
  } else {
    delete body.provider;
  }
  if (ep.variants.includes('online') && !(req.plugins ?? []).some((p) => p.id === 'web')) {
    body.plugins = [...(req.plugins ?? []), { id: 'web' }];
  }
  if (ep.variants.includes('thinking') && !req.reasoning && !req.reasoning_effort) {
    body.reasoning = { enabled: true };
  }
  return body;
}
