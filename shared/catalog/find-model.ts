import { dashedDate, matchesRule } from './match';
import type { Catalog, CatalogModel } from './types';
import { VARIANT_SUFFIXES, type ModelVariant as VariantSuffix } from './variants';

export { VARIANT_SUFFIXES, type VariantSuffix };

// Slug lookup with OpenRouter's variant suffixes (docs/openrouter-api.md §6): "…:free", "…:nitro",
// "…:free:online". Static variants (":free", ":thinking", ":extended") can be catalog entries of their own; the
// others only change routing, so they resolve to the base model.

const isVariant = (s: string): s is VariantSuffix => (VARIANT_SUFFIXES as readonly string[]).includes(s);

/** "meta-llama/llama-3.3-70b-instruct:free:online" → base "meta-llama/llama-3.3-70b-instruct", ["free", "online"]. */
export function splitVariants(slug: string): { base: string; variants: VariantSuffix[] } {
  const slash = slug.lastIndexOf('/');
  const parts = slug.slice(slash + 1).split(':');
  const variants: VariantSuffix[] = [];
  while (parts.length > 1 && isVariant(parts[parts.length - 1]!)) variants.unshift(parts.pop() as VariantSuffix);
  return { base: slug.slice(0, slash + 1) + parts.join(':'), variants };
}

interface ModelIndex {
  exact: Map<string, CatalogModel>; // ids and aliases, lower-cased
  patterns: CatalogModel[]; // models with a `match` rule, in catalog order
}

const indexes = new WeakMap<Catalog, ModelIndex>();

function indexOf(catalog: Catalog): ModelIndex {
  let idx = indexes.get(catalog);
  if (!idx) {
    const exact = new Map<string, CatalogModel>();
    for (const m of catalog.data) for (const alias of m.aliases ?? []) exact.set(alias.toLowerCase(), m);
    for (const m of catalog.data) exact.set(m.id.toLowerCase(), m); // ids win over aliases
    idx = { exact, patterns: catalog.data.filter((m) => m.match) };
    indexes.set(catalog, idx);
  }
  return idx;
}

/** The model a whole slug names: an exact id or alias, else the first model whose match rule accepts it (dated
 * slugs), else the same with its date spelled with dashes (as the reference retries). */
function resolve(idx: ModelIndex, slug: string): CatalogModel | undefined {
  const hit = (s: string) => idx.exact.get(s) ?? idx.patterns.find((m) => matchesRule(m.match!, s));
  const found = hit(slug);
  if (found) return found;
  const dashed = dashedDate(slug);
  return dashed === slug ? undefined : hit(dashed);
}

/** The catalog entry that names the whole slug — its id, an alias or its match rule — variant suffixes included
 * (the reference lists some ":extended" slugs as aliases of the base model). */
export function findModelNaming(catalog: Catalog, slug: string): CatalogModel | undefined {
  return resolve(indexOf(catalog), slug.trim().toLowerCase());
}

/** The catalog entry for a slug: exact id or alias first, then a model whose match rule accepts it, then with
 * variant suffixes dropped one at a time from the right (":free:online" tries ":free" before the base).
 * Case-insensitive. */
export function findModel(catalog: Catalog, slug: string): CatalogModel | undefined {
  const idx = indexOf(catalog);
  const wanted = slug.trim().toLowerCase();
  const exact = resolve(idx, wanted);
  if (exact) return exact;
  const { base, variants } = splitVariants(wanted);
  for (let keep = variants.length - 1; keep >= 0; keep--) {
    const hit = resolve(idx, [base, ...variants.slice(0, keep)].join(':'));
    if (hit) return hit;
  }
  return undefined;
}
