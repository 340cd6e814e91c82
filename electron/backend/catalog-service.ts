import { join } from 'node:path';
import {
  createPricingHooks, isCustomUpstream, loadCatalog, perMTok, providerSlugOf, refreshCatalog, resolveModel,
  type LoadedCatalog, type UpstreamConfig,
} from '../engine';
import { loadBundledCatalog } from '../../shared/catalog';
import { findModel } from '../../shared/catalog/find-model';
import type { CatalogModel } from '../../shared/catalog/types';
import type { ModelList, ModelSummary } from '../../shared/contract/models';
import { createUpstreamModels } from './upstream-models';

/** $/1M for the picker, without float noise (3.0000000000000004 → 3). */
const usdPerMTok = (s: string | undefined): number | null => {
  const n = perMTok(s);
  return n === undefined ? null : Math.round(n * 1e6) / 1e6;
};

function summarise(m: CatalogModel, served: UpstreamConfig[]): ModelSummary {
  const prompt = usdPerMTok(m.pricing.prompt);
  const completion = usdPerMTok(m.pricing.completion);
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
    servedBy: served.map((u) => u.label),
    servedByIds: served.map((u) => u.id),
    pricing: { ...m.pricing },
  };
}

/** The model catalog as main keeps it: bundled snapshot, then the disk cache, then a live refresh from
 * OpenRouter's /models when an OpenRouter upstream is configured. Also prices every generation. */
export function createCatalogService(opts: { dataDir: string; upstreams: () => UpstreamConfig[]; fetch?: typeof fetch }) {
  const cacheDir = join(opts.dataDir, 'catalog');
  const bundled = loadBundledCatalog();
  let loaded: LoadedCatalog = { catalog: bundled, fetchedAt: Date.parse(`${bundled.snapshotDate}T00:00:00Z`), source: 'bundled' };
  const ready = loadCatalog(cacheDir, { bundled }).then((l) => (loaded = l));
  const hooks = createPricingHooks(() => loaded.catalog, () => loaded.source);
  const upstreamModels = createUpstreamModels({ dataDir: opts.dataDir, ...(opts.fetch ? { fetch: opts.fetch } : {}) });

  function list(): ModelList {
    const upstreams = opts.upstreams();
    const served = (id: string) => [...new Set(resolveModel(id, upstreams).candidates.map((c) => c.upstream))];
    const models = loaded.catalog.data.map((m) => summarise(m, served(m.id)));
    const known = new Set(models.map((m) => m.id));
    // Models a provider listed that the catalog does not know yet (no price known), from the cached lists.
    for (const { slug, upstream } of upstreamModels.slugs(upstreams)) {
      if (known.has(slug) || isCustomUpstream(upstream)) continue;
      known.add(slug);
      models.push({
        id: slug, name: `${upstream.label}: ${slug.split('/').slice(1).join('/')}`, provider: slug.split('/')[0] ?? '', contextLength: null,
        inputModalities: ['text'], outputModalities: ['text'], promptUsdPerMTok: null, completionUsdPerMTok: null, isFree: false,
        supportsReasoning: false, supportsTools: false, servedBy: served(slug).map((u) => u.label), servedByIds: served(slug).map((u) => u.id), pricing: null,
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
        });
      }
    }
    return { models, source: loaded.source, fetchedAt: loaded.fetchedAt };
  }

  return {
    ready,
    hooks,
    list,
    /** The catalog's own entry for a model id (OpenRouter's /models shape), if it has one. */
    model(id: string): CatalogModel | undefined {
      const m = findModel(loaded.catalog, id);
      return m?.id === id ? m : undefined;
    },
    async refresh(): Promise<ModelList & { problem?: string }> {
      await ready;
      const openrouter = opts.upstreams().find((u) => u.kind === 'openrouter');
      const upstreamProblems = await upstreamModels.refresh(opts.upstreams());
      const result = await refreshCatalog({
        cacheDir,
        bundled,
        ...(openrouter ? { baseUrl: openrouter.baseUrl } : {}),
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      });
      if (result.source === 'live' || loaded.source === 'bundled') loaded = result;
      const problem = [result.problem, ...upstreamProblems].filter(Boolean).join('; ');
      return { ...list(), ...(problem ? { problem } : {}) };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
