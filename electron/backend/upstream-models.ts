import { readFileSync, existsSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { join } from 'node:path';
import { listUpstreamModels, providerSlugOf, slugForNativeId, type UpstreamConfig } from '../engine';
import { isRouterKind } from '../../shared/providers/upstream-kinds';

/** What each configured upstream says it serves (GET /models, Ollama tags), cached on disk with the time it was
 * asked, so the picker can offer a provider's newest models before the catalog knows them. */
interface CacheFile {
  version: 1;
  upstreams: Record<string, { fetchedAt: number; models: string[] }>;
}

export function createUpstreamModels(opts: { dataDir: string; fetch?: typeof fetch }) {
  const file = join(opts.dataDir, 'catalog', 'upstream-models.json');
  let cache: CacheFile = { version: 1, upstreams: {} };
  try {
    if (existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (parsed.version === 1 && parsed.upstreams && typeof parsed.upstreams === 'object') cache = parsed;
    }
  } catch {
    console.warn('catalog: the cached upstream model lists were unreadable and are ignored');
  }

  // A cache: the fresh lists stay in memory even when the disk is full (they are only a convenience on disk); the
  // temporary file of a failed write is removed and the previous file kept whole.
  function save() {
    try {
      writeFileAtomic(file, JSON.stringify(cache));
    } catch (err) {
      console.warn(`catalog: upstream model lists not cached (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }

  return {
    /** Asks every upstream but OpenRouter (whose list is the catalog) for its models; failures keep the old list. */
    async refresh(upstreams: UpstreamConfig[]): Promise<string[]> {
      const problems: string[] = [];
      await Promise.all(
        upstreams
          .filter((u) => !isRouterKind(u.kind))
          .map(async (u) => {
            const r = await listUpstreamModels(u, { timeoutMs: 8000, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
            if (r.ok) cache.upstreams[u.id] = { fetchedAt: Date.now(), models: r.models };
            else problems.push(r.message);
          }),
      );
      save();
      return problems;
    },
    /** OpenRouter-style slugs for the cached lists of the given upstreams. */
    slugs(upstreams: UpstreamConfig[]): { slug: string; upstream: UpstreamConfig; fetchedAt: number }[] {
      return upstreams.flatMap((u) => {
        const entry = cache.upstreams[u.id];
        if (!entry) return [];
        return entry.models.map((native) => ({ slug: slugForNativeId(native)?.slug ?? `${providerSlugOf(u)}/${native}`, upstream: u, fetchedAt: entry.fetchedAt }));
      });
    },
  };
}
