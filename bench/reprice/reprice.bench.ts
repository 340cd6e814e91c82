// "What would this have cost?" over 100,000 generations across 20 models (Node): the whole table — each model at
// the requests' own times, at today's prices and without caching (60 repricings) — from the bundled catalog, whose
// price lists include dated changes and time-of-day windows. Baseline: pricing every request on its own with
// computeCost, for ONE model at the requests' times (what the table would cost per column without grouping).
import type { BenchResult } from '../types';
import { loadBundledCatalog } from '../../shared/catalog';
import { computeCost } from '../../shared/billing/cost';
import { repriceTable } from '../../renderer/money/reprice/reprice-table';
import type { LedgerRow } from '../../renderer/history/db/ledger-types';

const N = 100_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 12);

function corpus(): LedgerRow[] {
  let s = 42;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: N }, (_, i) => {
    const prompt = Math.floor(rnd() * 20_000);
    return {
      id: `g${i}`, createdAt: NOW - Math.floor(rnd() * 365 * DAY), requestedModel: 'openai/gpt-4o', model: 'openai/gpt-4o',
      tokens: { prompt, completion: Math.floor(rnd() * 2_000), cacheRead: Math.floor(rnd() * prompt * 0.5), cacheWrite: 0, reasoning: 0 },
      costMicros: 1_000,
    } as unknown as LedgerRow;
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export default async function repriceBench(): Promise<BenchResult[]> {
  const rows = corpus();
  const data = loadBundledCatalog().data;
  // the priced models with the richest price lists first (schedules, tiers, overrides), then the rest
  const richness = (p: (typeof data)[number]['pricing']) => (p.schedule?.length ?? 0) * 4 + (p.long_context_tiers?.length ?? 0) * 2 + (p.overrides?.length ?? 0);
  const priced = data.filter((m) => m.pricing && Number(m.pricing.prompt) > 0).sort((a, b) => richness(b.pricing) - richness(a.pricing) || a.id.localeCompare(b.id));
  const candidates = priced.slice(0, 20).map((m) => ({ model: m.id, pricing: m.pricing }));
  const withSchedules = candidates.filter((c) => (c.pricing.schedule?.length ?? 0) > 0).length;

  repriceTable(rows.slice(0, 1000), candidates, NOW);
  const table: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const t = repriceTable(rows, candidates, NOW);
    table.push(performance.now() - t0);
    if (t.lines.length !== 20) throw new Error('expected 20 lines');
  }
  const one: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    let sum = 0;
    for (const r of rows) sum += computeCost(r.tokens!, candidates[0]!.pricing, { at: r.createdAt }).micros ?? 0;
    one.push(performance.now() - t0);
    if (!(sum > 0)) throw new Error('no cost');
  }
  const value = median(table);
  return [
    {
      name: 'reprice table: 100,000 generations × 20 models (then, today, no cache)', value, unit: 'ms',
      baseline: { name: 'each request priced on its own, one model, one column', value: median(one) }, ratio: value / median(one),
      target: '<= 500 ms', pass: value <= 500,
      notes: `median of 5; ${withSchedules} of the 20 models have a dated or time-of-day price history; runs ${table.map((x) => x.toFixed(0)).join(', ')} ms`,
    },
  ];
}
