import type { UpstreamKind } from '../../../shared/providers/upstream-kinds';
import type { ProviderAdapter, UpstreamConfig } from '../types';

// Everything the engine knows about one kind of upstream, in one object: the wire adapter and the facts routing,
// model listing and pricing need. Each kind has one folder under providers/ that exports one ProviderModule;
// registry.ts lists them by kind. User-facing facts (default label, base URL, environment variables) live in
// shared/providers/upstream-kinds.ts because the renderer shows them too.

/** Request parameters routing checks against `provider.require_parameters` and the tools/response_format default. */
export type Parameter =
  | 'tools' | 'tool_choice' | 'parallel_tool_calls' | 'response_format' | 'reasoning' | 'seed' | 'stop'
  | 'temperature' | 'top_p' | 'top_k' | 'frequency_penalty' | 'presence_penalty' | 'repetition_penalty'
  | 'max_tokens' | 'logprobs' | 'top_logprobs' | 'logit_bias';

/** What every upstream honours. */
export const COMMON_PARAMETERS: readonly Parameter[] = ['temperature', 'top_p', 'stop', 'max_tokens'];

/** The model author a provider serves first-hand (a BYOK key for it), and how its own API names the models. */
export interface DirectModels {
  /** The OpenRouter slug author, which is also the provider slug of the upstream that serves it ("anthropic"). */
  author: string;
  /** `anthropic/claude-sonnet-4.5` → `claude-sonnet-4-5`. */
  nativeId(slug: string): string;
  /** A bare native id this provider recognises (`claude-sonnet-4-5`) → its OpenRouter slug. */
  slugFor(nativeId: string): string | undefined;
}

/** GET request that lists the models an upstream offers with its key ("Test this key", the picker). */
export interface ModelListRequest {
  url: string;
  headers: Record<string, string>;
  pick(json: unknown): string[];
}

/** What a router-type upstream (OpenRouter, another gateway) does that a single provider does not: it serves any
 * `author/model` slug (after the first-hand providers), keeps the router's variant suffixes on the slug, forwards
 * `provider` preferences, answers for any provider name in `provider.order`, names the model and provider that
 * served each answer, is paid by the user's credits (not BYOK) and reports its own charge in usage. */
export interface RouterCapability {
  /** Searches the web for every model it serves (its upstreams say so up front: `supportsWebSearch`). */
  webSearch: boolean;
}

export interface ProviderModule {
  kind: UpstreamKind;
  /** Present for a router-type upstream; the kind's `router` fact in shared/providers/upstream-kinds.ts agrees. */
  router?: RouterCapability;
  adapter: ProviderAdapter;
  /** The provider slug `provider.order/only/ignore` name this upstream by ("anthropic", "google", "ollama"). */
  slug(u: UpstreamConfig): string;
  /** More names that select every upstream of this kind in routing preferences ("google-ai-studio"). */
  aliases: readonly string[];
  /** Present when the kind serves one author's models first-hand: upstreams whose slug is that author do. */
  direct?: DirectModels;
  /** Parameters this upstream honours ('all': it routes them on, like OpenRouter). */
  parameters(u: UpstreamConfig): ReadonlySet<Parameter> | 'all';
  listModels(u: UpstreamConfig): ModelListRequest;
  /** The catalog's direct price table for this upstream ("anthropic", "groq"), or undefined for OpenRouter's
   * list prices (OpenRouter) or none. */
  priceTable(u: UpstreamConfig): string | undefined;
  /** Whether this upstream can search the web for the model (the `web` plugin, `:online`); absent: never. */
  webSearch?(u: UpstreamConfig, nativeModel: string): boolean;
}

/** `{"data":[{"id":…}]}` — the OpenAI-style model list (OpenAI, OpenRouter, Anthropic, LM Studio). */
export function modelIdsFromData(list: unknown): string[] {
  const data = (list as { data?: { id?: unknown }[] })?.data ?? [];
  return data.flatMap((m) => (typeof m.id === 'string' ? [m.id] : []));
}

const slugs = new Map<string, string>();

/** "My Proxy" → "my-proxy". Labels are few and asked for on every request, so each is worked out once. */
export function slugify(s: string): string {
  let slug = slugs.get(s);
  if (slug === undefined) {
    slug = s.toLowerCase().trim().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (slugs.size >= 1024) slugs.clear();
    slugs.set(s, slug);
  }
  return slug;
}

/** A header carrying the key, or none for a keyless upstream. */
export function keyHeader(name: string, value: string | undefined): Record<string, string> {
  return value ? { [name]: value } : {};
}

export const trimBase = (url: string): string => url.replace(/\/+$/, '');
