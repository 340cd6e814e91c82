import { useState } from 'react';
import { bridge } from '../../bridge';
import { loadModels } from './use-models';
import type { ModelList } from '../../../shared/contract/models';
import { formatDay } from '../../../shared/format/dates';

const SOURCE: Record<ModelList['source'], string> = {
  live: 'fetched from OpenRouter',
  cache: 'cached from OpenRouter',
  bundled: 'bundled snapshot',
  none: 'no catalog',
};

export const STALE_DAYS = 30;

/** True when the price list is more than 30 days old: prices may have changed since. */
export function catalogIsStale(fetchedAt: number | null, now = Date.now()): boolean {
  return fetchedAt !== null && now - fetchedAt > STALE_DAYS * 86_400_000;
}

/** "Prices: bundled snapshot from 22 Nov 2026 · 3 days old · Refresh" — how fresh the numbers in the picker are. */
export function catalogAgeText(source: ModelList['source'], fetchedAt: number | null, now = Date.now()): string {
  if (fetchedAt === null) return `Prices: ${SOURCE[source]}`;
  const hours = Math.max(0, (now - fetchedAt) / 3_600_000);
  const age = hours < 1 ? 'less than an hour old' : hours < 48 ? `${Math.floor(hours)} h old` : `${Math.floor(hours / 24)} days old`;
  const date = formatDay(fetchedAt);
  return `Prices: ${SOURCE[source]} from ${date} · ${age}`;
}

export function CatalogAge({ source, fetchedAt, onRefreshed }: { source: ModelList['source']; fetchedAt: number | null; onRefreshed: () => void }) {
  const stale = catalogIsStale(fetchedAt);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function refresh() {
    setBusy(true);
    setProblem(null);
    try {
      const list = await bridge().invoke('models.refresh', {});
      if (list.problem) setProblem(`Kept the current list: ${list.problem}`);
      await loadModels(true);
      onRefreshed();
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <p className="muted catalog-age" aria-label="Catalog age">
      {catalogAgeText(source, fetchedAt)}{' '}
      {stale ? (
        <span className="catalog-stale" role="status">
          — over {STALE_DAYS} days old: prices may have changed since.{' '}
        </span>
      ) : null}
      <button type="button" className="link" onClick={() => void refresh()} disabled={busy}>
        {busy ? 'Refreshing…' : 'Refresh'}
      </button>
      {problem && <span role="status"> {problem}</span>}
    </p>
  );
}
