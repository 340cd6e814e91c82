import { isLoopbackUrl } from '../providers/common/urls';
import { slugify } from '../providers/provider-module';
import { providerFor, providerSlugOf } from '../providers/registry';
import type { UpstreamConfig } from '../types';

// How a configured upstream is named in routing preferences (`provider.order/only/ignore`) and whether it is one
// of Parley's own (local or custom) servers that OpenRouter never hears about.

export { providerSlugOf };

/** Authors whose models only ever run locally: OpenRouter is never a candidate for `ollama/…`. */
const LOCAL_AUTHORS = new Set(['ollama', 'lmstudio', 'lm-studio', 'local']);

/** Every name that selects this upstream in `provider.order/only/ignore`. */
export function upstreamNames(u: UpstreamConfig): Set<string> {
  const names = new Set([providerSlugOf(u), slugify(u.label), u.id.toLowerCase(), ...providerFor(u.kind).aliases]);
  const tail = u.id.includes(':') ? u.id.slice(u.id.indexOf(':') + 1) : '';
  if (tail) names.add(slugify(tail));
  names.delete('');
  return names;
}

/** True for an upstream that is neither OpenRouter nor the first-hand provider of some author (local servers,
 * custom endpoints such as Groq or vLLM). */
export function isCustomUpstream(u: UpstreamConfig): boolean {
  const p = providerFor(u.kind);
  return u.kind !== 'openrouter' && p.direct?.author !== p.slug(u);
}

/** Names that refer to something only Parley knows about (local/custom upstreams): never forwarded to OpenRouter. */
export function localOnlyNames(upstreams: readonly UpstreamConfig[]): Set<string> {
  const names = new Set(LOCAL_AUTHORS);
  for (const u of upstreams) if (isCustomUpstream(u)) for (const n of upstreamNames(u)) names.add(n);
  return names;
}

/** A model server on this machine (Ollama, LM Studio, …): inference there costs nothing. */
export function isLocalServer(u: UpstreamConfig): boolean {
  return isCustomUpstream(u) && isLoopbackUrl(u.baseUrl);
}

export function isLocalAuthor(author: string, upstreams: readonly UpstreamConfig[]): boolean {
  return localOnlyNames(upstreams).has(author.toLowerCase());
}
