import type { UpstreamConfig } from '../types';
import { isDirectProvider, nativeIdForSlug, slugForNativeId } from './model-ids';
import { isCustomUpstream, isLocalAuthor, providerSlugOf, upstreamNames } from './providers';
import { isRouter } from '../providers/registry';

// Model id → the configured upstreams that can serve it, each with the id that upstream uses.

export interface Candidate {
  upstream: UpstreamConfig;
  nativeModel: string;
}

export interface ResolvedModel {
  slug: string; // canonical OpenRouter-style slug
  candidates: Candidate[];
}

function splitSlug(id: string): { author?: string; rest: string } {
  const slash = id.indexOf('/');
  return slash < 0 ? { rest: id } : { author: id.slice(0, slash).toLowerCase(), rest: id.slice(slash + 1) };
}

/** The id a custom / local upstream knows this model by, if it serves it. */
function customNativeId(u: UpstreamConfig, id: string): string | undefined {
  const { author, rest } = splitSlug(id);
  const ownAuthor = author !== undefined && upstreamNames(u).has(author);
  const models = u.models;
  if (!models) return ownAuthor ? rest : undefined; // no list: trust `<upstream>/<model>`
  if (models.includes(id)) return id;
  if ((ownAuthor || author === undefined) && (models.includes(rest) || models.includes(`${rest}:latest`))) return rest;
  return undefined;
}

/** Whether a full name (possibly containing a colon, like `ollama/llama3:8b`) is listed by a custom upstream. */
export function isListedModelName(name: string, upstreams: readonly UpstreamConfig[]): boolean {
  return upstreams.some((u) => isCustomUpstream(u) && customNativeId(u, name) !== undefined);
}

export function resolveModel(id: string, upstreams: readonly UpstreamConfig[]): ResolvedModel {
  const { author, rest } = splitSlug(id);
  const candidates: Candidate[] = [];

  if (author === undefined) {
    // A bare native id: `claude-sonnet-4-5`, `gpt-4o`, or a local model name.
    const known = slugForNativeId(id);
    if (known) {
      for (const u of upstreams) if (providerSlugOf(u) === known.provider) candidates.push({ upstream: u, nativeModel: id });
      for (const u of upstreams) if (isRouter(u)) candidates.push({ upstream: u, nativeModel: known.slug });
      return { slug: known.slug, candidates };
    }
    let slug = id;
    for (const u of upstreams) {
      if (!isCustomUpstream(u)) continue;
      const native = customNativeId(u, id);
      if (native === undefined) continue;
      if (candidates.length === 0) slug = `${providerSlugOf(u)}/${id}`;
      candidates.push({ upstream: u, nativeModel: native });
    }
    return { slug, candidates };
  }

  const slug = `${author}/${rest}`;
  if (isDirectProvider(author)) {
    const native = nativeIdForSlug(slug);
    for (const u of upstreams) if (providerSlugOf(u) === author) candidates.push({ upstream: u, nativeModel: native });
  }
  for (const u of upstreams) {
    if (!isCustomUpstream(u)) continue;
    const native = customNativeId(u, slug);
    if (native !== undefined) candidates.push({ upstream: u, nativeModel: native });
  }
  if (!isLocalAuthor(author, upstreams)) {
    for (const u of upstreams) if (isRouter(u)) candidates.push({ upstream: u, nativeModel: slug });
  }
  return { slug, candidates };
}
