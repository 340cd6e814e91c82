import { isLoopbackUrl } from '../providers/common/urls';
import { slugify } from '../providers/provider-module';
import { providerFor, providerSlugOf } from '../providers/registry';
import type { UpstreamConfig } from '../types';

// How a configured upstream is named in routing preferences (`provider.order/only/ignore`) and whether it is one
// of Parley's own (local or custom) servers that OpenRouter never hears about.

export { providerSlugOf };

/** Authors whose models only ever run locally: OpenRouter is never a candidate for `ollama/…`. */
const LOCAL_AUTHORS = new Set(['ollama', 'lmstudio', 'lm-studio', 'local']);

// Upstream configs are immutable and reused across requests (rebuilt when keys change), so the names below are
// worked out once per config, or per upstream list.
const namesOf = new WeakMap<UpstreamConfig, ReadonlySet<string>>();
const localOnlyOf = new WeakMap<readonly UpstreamConfig[], ReadonlySet<string>>();

/** Every name that selects this upstream in `provider.order/only/ignore`. */
export function upstreamNames(u: UpstreamConfig): ReadonlySet<string> {
  let names = namesOf.get(u);
  if (!names) {
    const set = new Set([providerSlugOf(u), slugify(u.label), u.id.toLowerCase(), ...providerFor(u.kind).aliases]);
    const tail = u.id.includes(':') ? u.id.slice(u.id.indexOf(':') + 1) : '';
    if (tail) set.add(slugify(tail));
    set.delete('');
    namesOf.set(u, (names = set));
  }
  return names;
}

/** True for an upstream that is neither OpenRouter nor the first-hand provider of some author (local servers,
 * custom endpoints such as Groq or vLLM). */
export function isCustomUpstream(u: UpstreamConfig): boolean {
  const p = providerFor(u.kind);
  return p.router === undefined && p.direct?.author !== p.slug(u);
}

/** Names that refer to something only Parley knows about (local/custom upstreams): never forwarded to OpenRouter. */
export function localOnlyNames(upstreams: readonly UpstreamConfig[]): ReadonlySet<string> {
  let names = localOnlyOf.get(upstreams);
  if (!names) {
    const set = new Set(LOCAL_AUTHORS);
    for (const u of upstreams) if (isCustomUpstream(u)) for (const n of upstreamNames(u)) set.add(n);
    localOnlyOf.set(upstreams, (names = set));
  }
  return names;
}

/** A model server on this machine (Ollama, LM Studio, …): inference there costs nothing. */
export function isLocalServer(u: UpstreamConfig): boolean {
  return isCustomUpstream(u) && isLoopbackUrl(u.baseUrl);
}

export function isLocalAuthor(author: string, upstreams: readonly UpstreamConfig[]): boolean {
  return localOnlyNames(upstreams).has(author.toLowerCase());
}
