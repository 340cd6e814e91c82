import { join } from 'node:path';
import {
  createPricingHooks, isCustomUpstream, loadCatalog, modelSearchesTheWeb, perMTok, providerSlugOf, refreshCatalog, resolveModel,
  type LoadedCatalog, type ModelLimits, type UpstreamConfig,
} from '../engine';
import { loadBundledCatalog } from '../../shared/catalog';
import { findModel } from '../../shared/catalog/find-model';
import { pricesAt } from '../../shared/catalog/prices-at';
import type { CatalogModel } from '../../shared/catalog/types';
import { modelToolSupport } from '../../shared/tools/tool-selection';
import type { ModelList, ModelSummary } from '../../shared/contract/models';
import type { GenerationRecord } from '../../shared/openrouter/generation';
import { formatRate } from '../../shared/billing/money';
import { parseDecimal, shift, toDecimalString } from '../../shared/billing/decimal';
import { createUpstreamModels } from './upstream-models';

/** $/1M for the picker, without float noise (3.0000000000000004 → 3). */
const usdPerMTok = (s: string | undefined): number | null => {
  const n = perMTok(s);
  return n === undefined ? null : Math.round(n * 1e6) / 1e6;
};

/** `at`: the time whose prices the picker shows (a model's price history is kept whole in `pricing`). */
function summarise(m: CatalogModel, served: UpstreamConfig[], at: number): ModelSummary {
  const shown = pricesAt(m.pricing, at);
  const prompt = usdPerMTok(shown.prompt);
  const completion = usdPerMTok(shown.completion);
  const params = m.supported_parameters ?? [];
  return {
    id: m.id,
    name: m.name,
    provider: m.id.split('/')[0] ?? '',
    contextLength: m.context_length,
    inputModalities: m.architecture.input_modalities,
    outputModalities: m.architecture.output_modalities,
    promptUsdPerMTok: prompt,
    completionUsdPerMTok: completion,
    isFree: m.id.endsWith(':free') || (prompt === 0 && completion === 0),
    supportsReasoning: !!m.reasoning || params.includes('reasoning'),
    supportsTools: params.includes('tools'),
    toolSupport: modelToolSupport(m),
    servedBy: served.map((u) => u.label),
    servedByIds: served.map((u) => u.id),
    pricing: { ...m.pricing },
    ...(m.aliases?.length ? { aliases: m.aliases } : {}),
    ...(m.match ? { match: m.match } : {}),
  };
}

export const DAY_MS = 86_400_000;
export const STALE_AFTER_DAYS = 30;

export interface CatalogAutoRefresh {
  /** Refresh once the catalog is this old (default a day). */
  everyMs?: number;
  /** How often to look (default an hour); an offline look is retried at the next one. */
  checkMs?: number;
  now?: () => number;
  setInterval?: (fn: () => void, ms: number) => { unref?: () => void } | number;
  clearInterval?: (handle: unknown) => void;
}

/** The date of the price list in use: the bundled snapshot's, or the day it was fetched (UTC). */
export function listDateOf(l: LoadedCatalog): string {
  return l.source === 'bundled' ? l.catalog.snapshotDate : new Date(l.fetchedAt).toISOString().slice(0, 10);
}

/** The model catalog as main keeps it: bundled snapshot, then the disk cache, then a live refresh from
 * OpenRouter's /models (at most daily by itself when `autoRefresh` is given, or when the user asks). The /models
 * base URL is the OpenRouter upstream's, or `modelsBaseUrl` (PARLEY_CATALOG_URL) when set. Also prices every
 * generation, and says how an old record's price list differs from today's. */
export function createCatalogService(opts: {
  dataDir: string;
  upstreams: () => UpstreamConfig[];
  fetch?: typeof fetch;
  modelsBaseUrl?: string;
  autoRefresh?: CatalogAutoRefresh | false;
  onRefreshed?: () => void;
  now?: () => number;
}) {
  const cacheDir = join(opts.dataDir, 'catalog');
  const bundled = loadBundledCatalog();
  let loaded: LoadedCatalog = { catalog: bundled, fetchedAt: Date.parse(`${bundled.snapshotDate}T00:00:00Z`), source: 'bundled' };
  const ready = loadCatalog(cacheDir, { bundled }).then((l) => (loaded = l));
  const hooks = createPricingHooks(() => loaded.catalog, () => ({ source: loaded.source, listDate: listDateOf(loaded) }));
  const now = opts.now ?? ((opts.autoRefresh && opts.autoRefresh.now) || Date.now);
  const upstreamModels = createUpstreamModels({ dataDir: opts.dataDir, ...(opts.fetch ? { fetch: opts.fetch } : {}) });

  function list(): ModelList {
    const upstreams = opts.upstreams();
    const served = (id: string) => [...new Set(resolveModel(id, upstreams).candidates.map((c) => c.upstream))];
    const at = now();
    const models: ModelSummary[] = loaded.catalog.data.map((m) => ({ ...summarise(m, served(m.id), at), searchesWeb: modelSearchesTheWeb(m.id, upstreams) }));
    const known = new Set(models.map((m) => m.id));
    // Models a provider listed that the catalog does not know yet (no price known), from the cached lists.
    for (const { slug, upstream } of upstreamModels.slugs(upstreams)) {
      if (known.has(slug) || isCustomUpstream(upstream)) continue;
      known.add(slug);
      models.push({
        id: slug, name: `${upstream.label}: ${slug.split('/').slice(1).join('/')}`, provider: slug.split('/')[0] ?? '', contextLength: null,
        inputModalities: ['text'], outputModalities: ['text'], promptUsdPerMTok: null, completionUsdPerMTok: null, isFree: false,
        supportsReasoning: false, supportsTools: false, servedBy: served(slug).map((u) => u.label), servedByIds: served(slug).map((u) => u.id), pricing: null,
        searchesWeb: modelSearchesTheWeb(slug, upstreams),
      });
    }
    // Models only a local or custom server knows (Ollama, LM Studio, vLLM): not in any price list.
    for (const u of upstreams) {
      if (!isCustomUpstream(u)) continue;
      const listed = new Set([...(u.models ?? []), ...upstreamModels.slugs([u]).map((s) => s.slug.slice(s.slug.indexOf('/') + 1))]);
      for (const name of listed) {
        const id = `${providerSlugOf(u)}/${name}`;
        if (known.has(id)) continue;
        known.add(id);
        models.push({
          id, name: `${u.label}: ${name}`, provider: providerSlugOf(u), contextLength: null, inputModalities: ['text'],
          outputModalities: ['text'], promptUsdPerMTok: 0, completionUsdPerMTok: 0, isFree: true, supportsReasoning: false,
          supportsTools: false, servedBy: [u.label], servedByIds: [u.id], pricing: { prompt: '0', completion: '0' },
          searchesWeb: u.supportsWebSearch === true,
        });
      }
    }
    const listDate = listDateOf(loaded);
    const ageDays = Math.floor((now() - loaded.fetchedAt) / DAY_MS);
    return { models, source: loaded.source, fetchedAt: loaded.fetchedAt, listDate, stale: ageDays > STALE_AFTER_DAYS };
  }

  let refreshing: Promise<ModelList & { problem?: string }> | null = null;
  async function refresh(): Promise<ModelList & { problem?: string }> {
    await ready;
    const openrouter = opts.upstreams().find((u) => u.kind === 'openrouter');
    const upstreamProblems = await upstreamModels.refresh(opts.upstreams());
    const baseUrl = opts.modelsBaseUrl ?? openrouter?.baseUrl;
    const result = await refreshCatalog({
      cacheDir,
      bundled,
      ...(baseUrl ? { baseUrl } : {}),
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
      now,
    });
    if (result.source === 'live' || loaded.source === 'bundled') loaded = result;
    const problem = [result.problem, ...upstreamProblems].filter(Boolean).join('; ');
    opts.onRefreshed?.();
    return { ...list(), ...(problem ? { problem } : {}) };
  }

  /** How a record's price list differs from today's for the same model and upstream ("$3 → $3.75 per 1M input
   * tokens"), or undefined when it does not (or cannot be told). */
  function priceChange(record: GenerationRecord): string | undefined {
    const then = record.pricingSnapshot?.rates;
    const upstream = opts.upstreams().find((u) => u.id === record.upstreamId);
    if (!then || !upstream || !record.model) return undefined;
    const listed = hooks.pricingOf(record.model, upstream);
    if (!listed) return undefined;
    const current = pricesAt(listed, now());
    const changes: string[] = [];
    for (const [key, what] of PRICE_WORDS) {
      const a = then[key];
      const b = current[key as keyof typeof current];
      if (typeof a === 'string' && typeof b === 'string' && a !== b) {
        changes.push(`${formatRate(shiftedRate(a), 'token')} → ${formatRate(shiftedRate(b), 'token')} for ${what}`.replace(/ per 1M tokens(?= →)/, ''));
      }
    }
    return changes.length ? changes.join(', ') : undefined;
  }

  let timer: unknown = null;
  let lastAttempt = 0;
  function startAutoRefresh(a: CatalogAutoRefresh): void {
    const every = a.everyMs ?? DAY_MS;
    const check = () => {
      if (refreshing) return;
      const t = now();
      if (t - loaded.fetchedAt < every && loaded.source !== 'bundled') return;
      if (t - lastAttempt < (a.checkMs ?? 3_600_000) / 2) return; // offline: wait for the next look
      lastAttempt = t;
      refreshing = refresh().finally(() => (refreshing = null));
      void refreshing.then((r) => r.problem && console.warn(`catalog: automatic refresh: ${r.problem}`));
    };
    void ready.then(check);
    const set = a.setInterval ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
    const handle = set(check, a.checkMs ?? 3_600_000);
    if (typeof handle === 'object' && handle?.unref) handle.unref();
    timer = handle;
  }
  if (opts.autoRefresh) startAutoRefresh(opts.autoRefresh);

  return {
    ready,
    hooks,
    list,
    /** The catalog's own entry for a model id (OpenRouter's /models shape), if it has one. */
    model(id: string): CatalogModel | undefined {
      const m = findModel(loaded.catalog, id);
      return m?.id === id ? m : undefined;
    },
    /** A model's output limit and context window, as the catalog knows them (aliases and variants included). */
    limits(slug: string): ModelLimits | undefined {
      const m = findModel(loaded.catalog, slug);
      if (!m) return undefined;
      const out: ModelLimits = {};
      if (m.top_provider?.max_completion_tokens) out.maxOutputTokens = m.top_provider.max_completion_tokens;
      if (m.context_length) out.contextLength = m.context_length;
      return out;
    },
    priceChange,
    /** Concurrent callers share one refresh. */
    refresh(): Promise<ModelList & { problem?: string }> {
      return (refreshing ??= refresh().finally(() => (refreshing = null)));
    },
    /** Resolves when an automatic refresh in flight is done. */
    settled: (): Promise<unknown> => refreshing ?? Promise.resolve(),
    close(): void {
      if (timer !== null) (opts.autoRefresh && opts.autoRefresh.clearInterval ? opts.autoRefresh.clearInterval : (h: unknown) => clearInterval(h as ReturnType<typeof setInterval>))(timer);
      timer = null;
    },
  };
}

/** The rates a price change is described by, and what they are called. */
const PRICE_WORDS: [string, string][] = [
  ['prompt', 'input'],
  ['completion', 'output'],
  ['input_cache_read', 'cache reads'],
  ['input_cache_write', 'cache writes'],
];

/** USD per token ("0.000003") → µ$ per token ("3"), the unit formatRate reads. */
function shiftedRate(usdPerToken: string): string {
  const d = parseDecimal(usdPerToken);
  return d ? toDecimalString(shift(d, 6)) : usdPerToken;
}

export type CatalogService = ReturnType<typeof createCatalogService>;
