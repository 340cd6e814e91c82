import type { LocalApiData, UpstreamConfig, EndpointHealthSnapshot } from '../../engine';
import type { CatalogModel, ModelPricing } from '../../../shared/catalog/types';
import type { ModelList } from '../../../shared/contract/models';
import type { AppKeys } from '../app-keys/app-keys';
import type { GenerationJournal } from '../generation-journal';
import { generationStats } from './generation-stats';
import { modelEndpoints } from './model-endpoints';
import { openRouterModel } from './openrouter-models';

/** What the local API's read-only routes answer, from main's catalog, engine health, journal and app keys. */
export function createLocalApiData(src: {
  list: () => ModelList;
  model: (id: string) => CatalogModel | undefined;
  pricingOf: (slug: string, upstream: UpstreamConfig) => ModelPricing | undefined;
  upstreams: () => UpstreamConfig[];
  health: () => EndpointHealthSnapshot[];
  journal: GenerationJournal;
  appKeys: AppKeys;
}): LocalApiData {
  return {
    models: () => src.list().models.map((s) => openRouterModel(s, src.model(s.id))),
    model(slug) {
      const summary = src.list().models.find((m) => m.id === slug);
      return summary && openRouterModel(summary, src.model(slug));
    },
    modelEndpoints(slug) {
      const summary = src.list().models.find((m) => m.id === slug);
      const model = src.model(slug);
      return modelEndpoints(slug, {
        ...(summary ? { summary } : {}),
        ...(model ? { model } : {}),
        upstreams: src.upstreams(),
        pricingOf: src.pricingOf,
        health: src.health(),
      });
    },
    generation(id, caller) {
      const found = src.journal.find(id);
      if (!found || found.record.appKeyId !== caller.keyId) return undefined;
      return generationStats(found.record, found.billedMicros);
    },
    key: (caller) => src.appKeys.keyInfo(caller),
    credits: (caller) => src.appKeys.credits(caller),
  };
}
