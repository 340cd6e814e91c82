import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadBundledCatalog } from '../../../shared/catalog/bundled';
import type { Catalog, CatalogModel } from '../../../shared/catalog/types';
import { parseLiveModels } from './live-models';

// The model catalog at run time: fetched live from OpenRouter's public GET /models (no key), cached as
// `<cacheDir>/models.json` (cacheDir is `<dataDir>/catalog`), and the bundled snapshot when neither is there.
// A corrupt cache is ignored and reported, never fatal. Live and cached catalogs keep the bundled snapshot's
// direct-provider price tables (OpenRouter does not list those), its slug aliases and match rules, and its price
// history.

export const CACHE_FILE = 'models.json';
export const DEFAULT_MODELS_BASE_URL = 'https://openrouter.ai/api/v1';

export type CatalogSource = 'live' | 'cache' | 'bundled';

export interface LoadedCatalog {
  catalog: Catalog;
  fetchedAt: number; // ms epoch: when fetched, or the snapshot date for the bundled one
  source: CatalogSource;
  problem?: string; // something went wrong but a catalog was still produced (corrupt cache, failed refresh)
  skipped?: number; // live entries that could not be read
}

interface CacheFile {
  schemaVersion: 1;
  fetchedAt: number;
  data: CatalogModel[];
}

export interface LoadOptions {
  bundled?: Catalog;
  onProblem?: (message: string) => void;
}

/** A live model with what only the bundled snapshot knows of it: its other slugs (aliases, match rule) and its
 * price history. /models gives today's prices alone, so a request made before the snapshot's date is priced by
 * the snapshot's schedule and a later one by the live prices. */
function withBundledFacts(live: CatalogModel, bundled: CatalogModel | undefined, snapshotDate: string): CatalogModel {
  if (!bundled) return live;
  const out = { ...live };
  if (bundled.aliases?.length && !live.aliases) out.aliases = bundled.aliases;
  if (bundled.match && !live.match) out.match = bundled.match;
  const history = bundled.pricing.schedule;
  if (history?.length) out.pricing = { ...live.pricing, schedule: [...history, { ...live.pricing, from_date: snapshotDate }] };
  return out;
}

function withLiveModels(models: CatalogModel[], bundled: Catalog, fetchedAt: number): Catalog {
  const known = new Map(bundled.data.map((m) => [m.id, m]));
  return {
    schemaVersion: 1,
    snapshotDate: bundled.snapshotDate,
    sources: { ...bundled.sources, 'openrouter /models': new Date(fetchedAt).toISOString() },
    data: models.map((m) => withBundledFacts(m, known.get(m.id), bundled.snapshotDate)),
    direct: bundled.direct,
  };
}

function bundledResult(bundled: Catalog, problem?: string): LoadedCatalog {
  const out: LoadedCatalog = { catalog: bundled, fetchedAt: Date.parse(`${bundled.snapshotDate}T00:00:00Z`), source: 'bundled' };
  if (problem) out.problem = problem;
  return out;
}

function report(opts: LoadOptions, message: string): void {
  console.warn(`catalog: ${message}`);
  opts.onProblem?.(message);
}

/** The cached catalog, or the bundled one when there is no usable cache. Never throws. */
export async function loadCatalog(cacheDir: string, opts: LoadOptions = {}): Promise<LoadedCatalog> {
  const bundled = opts.bundled ?? loadBundledCatalog();
  const file = path.join(cacheDir, CACHE_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return bundledResult(bundled);
    const problem = `could not read the cached model list (${(err as NodeJS.ErrnoException).code ?? 'error'}); using the bundled catalog`;
    report(opts, problem);
    return bundledResult(bundled, problem);
  }
  let parsed: { models: CatalogModel[]; skipped: number } | undefined;
  let fetchedAt = Number.NaN;
  try {
    const json = JSON.parse(text) as Partial<CacheFile>;
    fetchedAt = typeof json.fetchedAt === 'number' ? json.fetchedAt : Number.NaN;
    parsed = json.schemaVersion === 1 ? parseLiveModels({ data: json.data }) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.models.length === 0 || !Number.isFinite(fetchedAt)) {
    const problem = `the cached model list at ${file} is corrupt and was ignored; using the bundled catalog`;
    report(opts, problem);
    return bundledResult(bundled, problem);
  }
  return { catalog: withLiveModels(parsed.models, bundled, fetchedAt), fetchedAt, source: 'cache' };
}

export interface RefreshOptions extends LoadOptions {
  cacheDir: string;
  fetch?: typeof fetch;
  baseUrl?: string; // default https://openrouter.ai/api/v1
  now?: () => number;
  timeoutMs?: number; // default 20 s
}

/** Write-then-rename, private to this user (0600 in a 0700 folder); a failed write removes its temporary file and
 * leaves the previous cache in place. */
async function writeCache(cacheDir: string, cache: CacheFile): Promise<void> {
  await mkdir(cacheDir, { recursive: true, mode: 0o700 });
  const file = path.join(cacheDir, CACHE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(cache), { mode: 0o600 });
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/**
 * Fetch GET {baseUrl}/models (no key), cache it, and return it as the catalog. When offline or the answer is
 * unusable, returns the cached (or bundled) catalog with `problem` saying why. Never throws.
 */
export async function refreshCatalog(opts: RefreshOptions): Promise<LoadedCatalog> {
  const bundled = opts.bundled ?? loadBundledCatalog();
  const doFetch = opts.fetch ?? fetch;
  const base = (opts.baseUrl ?? DEFAULT_MODELS_BASE_URL).replace(/\/+$/, '');
  const now = opts.now ?? Date.now;
  const fallback = async (why: string): Promise<LoadedCatalog> => {
    const problem = `could not refresh the model list (${why})`;
    report(opts, problem);
    const loaded = await loadCatalog(opts.cacheDir, { ...opts, bundled });
    return { ...loaded, problem: loaded.problem ? `${problem}; ${loaded.problem}` : problem };
  };

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 20_000);
  let body: unknown;
  try {
    const res = await doFetch(`${base}/models`, { method: 'GET', headers: { accept: 'application/json' }, signal: controller.signal });
    if (!res.ok) return await fallback(`HTTP ${res.status}`);
    body = await res.json();
  } catch (err) {
    return await fallback(controller.signal.aborted ? 'timed out' : err instanceof SyntaxError ? 'not JSON' : 'offline or unreachable');
  } finally {
    clearTimeout(timer);
  }
  const parsed = parseLiveModels(body);
  if (!parsed || parsed.models.length === 0) return fallback('the answer held no readable models');
  const fetchedAt = now();
  const out: LoadedCatalog = { catalog: withLiveModels(parsed.models, bundled, fetchedAt), fetchedAt, source: 'live' };
  if (parsed.skipped) out.skipped = parsed.skipped;
  try {
    await writeCache(opts.cacheDir, { schemaVersion: 1, fetchedAt, data: parsed.models });
  } catch (err) {
    out.problem = `the model list was fetched but could not be cached (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
    report(opts, out.problem);
  }
  return out;
}
