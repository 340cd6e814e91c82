import type { UpstreamKind } from '../../../shared/openrouter/generation';
import { isLoopbackUrl, providerSlugOf, slugify } from '../routing/providers';
import type { UpstreamConfig } from '../types';
import { DEFAULT_BASE_URLS, DEFAULT_LABELS, ENV_UPSTREAMS } from './defaults';

// The upstream list the engine routes over, from (a) keys stored in the vault, (b) environment variables,
// (c) custom OpenAI-compatible endpoints and (d) detected local servers. Earlier sources win when two name the
// same provider (vault over env) or the same base URL (custom over detected).

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

function defaultBaseUrl(kind: UpstreamKind): string {
  switch (kind) {
    case 'openrouter': return DEFAULT_BASE_URLS.openrouter;
    case 'anthropic': return DEFAULT_BASE_URLS.anthropic;
    case 'gemini': return DEFAULT_BASE_URLS.gemini;
    case 'openai-compatible': return DEFAULT_BASE_URLS.openai;
  }
}

function upstreamFrom(e: { id: string; kind: UpstreamKind; label?: string; baseUrl?: string; apiKey?: string }): UpstreamConfig {
  const baseUrl = normaliseBaseUrl(e.baseUrl || defaultBaseUrl(e.kind));
  const u: UpstreamConfig = {
    id: e.id,
    kind: e.kind,
    label: e.label?.trim() || DEFAULT_LABELS[e.kind],
    baseUrl,
    isByok: e.kind !== 'openrouter',
  };
  if (e.apiKey) u.apiKey = e.apiKey;
  if (e.kind === 'openrouter') u.supportsWebSearch = true;
  if (isLoopbackUrl(baseUrl)) u.dataCollection = 'deny';
  return u;
}

export function upstreamsFromEnv(env: Readonly<Record<string, string | undefined>>): UpstreamConfig[] {
  const out: UpstreamConfig[] = [];
  for (const spec of ENV_UPSTREAMS) {
    const apiKey = env[spec.key]?.trim();
    if (!apiKey) continue;
    out.push(upstreamFrom({ id: spec.id, kind: spec.kind, label: spec.label, baseUrl: env[spec.baseUrl]?.trim() || spec.defaultBaseUrl, apiKey }));
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
    if (ids.has(u.id)) return;
    ids.add(u.id);
    out.push(u);
  };
  for (const e of src.vault ?? []) add(upstreamFrom(e));
  const directProviders = new Set(out.filter((u) => u.kind !== 'openai-compatible' || providerSlugOf(u) === 'openai').map(providerSlugOf));
  for (const u of upstreamsFromEnv(src.env ?? {})) if (!directProviders.has(providerSlugOf(u))) add(u);
  for (const c of src.custom ?? []) add(customUpstream(c));
  const urls = new Set(out.map((u) => u.baseUrl));
  for (const u of src.local ?? []) if (!urls.has(normaliseBaseUrl(u.baseUrl))) add(u);
  return out;
}
