import { UPSTREAM_KIND_INFO, UPSTREAM_KINDS, type UpstreamKind } from '../../../shared/providers/upstream-kinds';
import { isLoopbackUrl } from '../providers/common/urls';
import { slugify } from '../providers/provider-module';
import { providerSlugOf } from '../providers/registry';
import { isCustomUpstream } from '../routing/providers';
import type { UpstreamConfig } from '../types';
import { providerFor } from '../providers/registry';

// The upstream list the engine routes over, from (a) keys stored in the vault, (b) environment variables,
// (c) custom OpenAI-compatible endpoints and (d) detected local servers. Earlier sources win when two name the
// same provider (a stored key over the environment's) or the same base URL (custom over detected).

/** A stored key as main hands it over (the vault's decrypted entry). */
export interface StoredUpstreamEntry {
  id: string;
  kind: UpstreamKind;
  label: string;
  baseUrl?: string;
  apiKey?: string;
}

export interface CustomUpstreamInput {
  id?: string;
  name: string;
  baseUrl: string;
  apiKey?: string;
  models?: string[];
  dataCollection?: 'allow' | 'deny';
  supportsWebSearch?: boolean;
}

export interface UpstreamSources {
  vault?: readonly StoredUpstreamEntry[];
  env?: Readonly<Record<string, string | undefined>>;
  custom?: readonly CustomUpstreamInput[];
  local?: readonly UpstreamConfig[]; // from detectLocalServers()
}

export const normaliseBaseUrl = (url: string): string => url.trim().replace(/\/+$/, '');

function upstreamFrom(e: { id: string; kind: UpstreamKind; label?: string; baseUrl?: string; apiKey?: string }): UpstreamConfig {
  const baseUrl = normaliseBaseUrl(e.baseUrl || UPSTREAM_KIND_INFO[e.kind].defaultBaseUrl);
  const router = providerFor(e.kind).router;
  const u: UpstreamConfig = {
    id: e.id,
    kind: e.kind,
    label: e.label?.trim() || UPSTREAM_KIND_INFO[e.kind].label,
    baseUrl,
    isByok: !router,
  };
  if (e.apiKey) u.apiKey = e.apiKey;
  if (router?.webSearch) u.supportsWebSearch = true;
  if (isLoopbackUrl(baseUrl)) u.dataCollection = 'deny';
  return u;
}

/** The base URL the environment gives a kind (`OPENROUTER_BASE_URL`…), or undefined. */
export function envBaseUrl(env: Readonly<Record<string, string | undefined>> | undefined, kind: UpstreamKind): string | undefined {
  return env?.[UPSTREAM_KIND_INFO[kind].env.baseUrl]?.trim() || undefined;
}

export function upstreamsFromEnv(env: Readonly<Record<string, string | undefined>>): UpstreamConfig[] {
  const out: UpstreamConfig[] = [];
  for (const kind of UPSTREAM_KINDS) {
    const info = UPSTREAM_KIND_INFO[kind];
    const apiKey = env[info.env.key]?.trim();
    if (!apiKey) continue;
    out.push(upstreamFrom({ id: info.env.id, kind, label: info.label, baseUrl: envBaseUrl(env, kind), apiKey }));
  }
  return out;
}

export function customUpstream(c: CustomUpstreamInput): UpstreamConfig {
  const u = upstreamFrom({ id: c.id ?? `custom:${slugify(c.name)}`, kind: 'openai-compatible', label: c.name, baseUrl: c.baseUrl, apiKey: c.apiKey });
  if (c.models) u.models = [...c.models];
  if (c.dataCollection) u.dataCollection = c.dataCollection;
  if (c.supportsWebSearch !== undefined) u.supportsWebSearch = c.supportsWebSearch;
  return u;
}

export function buildUpstreams(src: UpstreamSources): UpstreamConfig[] {
  const out: UpstreamConfig[] = [];
  const ids = new Set<string>();
  const add = (u: UpstreamConfig) => {
    // Requests go over http(s) only: a stored or configured javascript:, file: or data: URL is never called.
    if (ids.has(u.id) || !/^https?:\/\//i.test(u.baseUrl)) return;
    ids.add(u.id);
    out.push(u);
  };
  // A typed key without its own base URL goes where the environment points that kind (OPENROUTER_BASE_URL…).
  for (const e of src.vault ?? []) add(upstreamFrom({ ...e, baseUrl: e.baseUrl || envBaseUrl(src.env, e.kind) }));
  // Only a stored entry with a key replaces the environment's key for its provider: a keyless one (saved by an
  // older version) must not silently switch that provider off.
  const directProviders = new Set(out.filter((u) => u.apiKey && !isCustomUpstream(u)).map(providerSlugOf));
  for (const u of upstreamsFromEnv(src.env ?? {})) if (!directProviders.has(providerSlugOf(u))) add(u);
  for (const c of src.custom ?? []) add(customUpstream(c));
  const urls = new Set(out.map((u) => u.baseUrl));
  for (const u of src.local ?? []) if (!urls.has(normaliseBaseUrl(u.baseUrl))) add(u);
  return out;
}
