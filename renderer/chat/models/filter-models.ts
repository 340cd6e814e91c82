import Fuse from 'fuse.js';
import type { ModelSummary } from '../../../shared/contract/models';

export interface ModelFilters {
  provider: string; // '' = any
  maxPromptUsdPerMTok: number | null;
  minContext: number | null;
  modalities: string[]; // every one must be accepted
  freeOnly: boolean;
  reasoning: boolean;
  tools: boolean;
  imageOutput: boolean; // the model can answer with images
}

export const NO_FILTERS: ModelFilters = { provider: '', maxPromptUsdPerMTok: null, minContext: null, modalities: [], freeOnly: false, reasoning: false, tools: false, imageOutput: false };

export function passes(m: ModelSummary, f: ModelFilters): boolean {
  if (f.provider && m.provider !== f.provider) return false;
  if (f.maxPromptUsdPerMTok !== null && (m.promptUsdPerMTok === null || m.promptUsdPerMTok > f.maxPromptUsdPerMTok)) return false;
  if (f.minContext !== null && (m.contextLength === null || m.contextLength < f.minContext)) return false;
  if (f.modalities.some((x) => !m.inputModalities.includes(x))) return false;
  if (f.freeOnly && !m.isFree) return false;
  if (f.reasoning && !m.supportsReasoning) return false;
  if (f.tools && !m.supportsTools) return false;
  if (f.imageOutput && !m.outputModalities.includes('image')) return false;
  return true;
}

/** A fuzzy index over the catalog, built once per list. */
export function createModelSearch(models: ModelSummary[]) {
  const fuse = new Fuse(models, {
    keys: [
      { name: 'id', weight: 2 },
      { name: 'name', weight: 2 },
      { name: 'provider', weight: 1 },
      { name: 'servedBy', weight: 0.5 },
    ],
    threshold: 0.4,
    ignoreLocation: true,
  });
  return (query: string, filters: ModelFilters): ModelSummary[] => {
    const q = query.trim();
    const base = q ? fuse.search(q).map((r) => r.item) : models;
    return base.filter((m) => passes(m, filters));
  };
}

export function priceLabel(usd: number | null): string {
  if (usd === null) return '?';
  if (usd === 0) return 'free';
  return `$${usd < 1 ? usd.toFixed(3).replace(/0+$/, '').replace(/\.$/, '') : usd.toFixed(2)}`;
}

export function contextLabel(n: number | null): string {
  if (n === null) return '? ctx';
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(n % 1_000_000 ? 1 : 0)}M ctx` : `${Math.round(n / 1000)}K ctx`;
}
