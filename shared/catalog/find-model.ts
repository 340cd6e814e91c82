import type { Catalog, CatalogModel } from './types';

// Slug lookup with OpenRouter's variant suffixes (docs/openrouter-api.md §6): "…:free", "…:nitro",
// "…:free:online". Static variants (":free", ":thinking", ":extended") can be catalog entries of their own; the
// others only change routing, so they resolve to the base model.

export const VARIANT_SUFFIXES = ['free', 'nitro', 'floor', 'online', 'thinking', 'extended', 'exacto', 'beta'] as const;
export type VariantSuffix = (typeof VARIANT_SUFFIXES)[number];

const isVariant = (s: string): s is VariantSuffix => (VARIANT_SUFFIXES as readonly string[]).includes(s);

/** "meta-llama/llama-3.3-70b-instruct:free:online" → base "meta-llama/llama-3.3-70b-instruct", ["free", "online"]. */
export function splitVariants(slug: string): { base: string; variants: VariantSuffix[] } {
  const slash = slug.lastIndexOf('/');
  const parts = slug.slice(slash + 1).split(':');
  const variants: VariantSuffix[] = [];
  while (parts.length > 1 && isVariant(parts[parts.length - 1]!)) variants.unshift(parts.pop() as VariantSuffix);
  return { base: slug.slice(0, slash + 1) + parts.join(':'), variants };
}

const indexes = new WeakMap<Catalog, Map<string, CatalogModel>>();

function indexOf(catalog: Catalog): Map<string, CatalogModel> {
  let idx = indexes.get(catalog);
  if (!idx) {
    idx = new Map();
    for (const m of catalog.data) for (const alias of m.aliases ?? []) idx.set(alias.toLowerCase(), m);
    for (const m of catalog.data) idx.set(m.id.toLowerCase(), m); // ids win over aliases
    indexes.set(catalog, idx);
  }
  return idx;
}

/** The catalog entry for a slug: exact id or alias first, then with variant suffixes dropped one at a time from
 * the right (":free:online" tries ":free" before the base). Case-insensitive. */
export function findModel(catalog: Catalog, slug: string): CatalogModel | undefined {
  const idx = indexOf(catalog);
  const wanted = slug.trim().toLowerCase();
  const exact = idx.get(wanted);
  if (exact) return exact;
  const { base, variants } = splitVariants(wanted);
  for (let keep = variants.length - 1; keep >= 0; keep--) {
    const hit = idx.get([base, ...variants.slice(0, keep)].join(':'));
    if (hit) return hit;
  }
  return undefined;
}
