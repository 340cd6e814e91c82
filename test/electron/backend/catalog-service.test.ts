import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalogService, DAY_MS } from '../../../electron/backend/catalog-service';
import type { UpstreamConfig } from '../../../electron/engine/types';
import { matchesRule } from '../../../shared/catalog/match';
import { modelListSchema } from '../../../shared/contract/models';
import type { GenerationRecord } from '../../../shared/openrouter/generation';

// The catalog keeps itself fresh: at most one /models refresh a day while online, from a base URL tests point at
// a fake, with the price list's date on every model list and record.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const openrouter: UpstreamConfig = { id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', baseUrl: 'https://openrouter.example/api/v1', apiKey: 'k', isByok: false };

function fakeModels(promptUsdPerToken: string) {
  const calls: string[] = [];
  const fetch = (async (url: string | URL | Request) => {
    calls.push(String(url));
    if (!String(url).endsWith('/models')) return new Response('{}', { status: 404 });
    return new Response(JSON.stringify({ data: [{ id: 'anthropic/claude-sonnet-4.5', name: 'Claude Sonnet 4.5', context_length: 200000, pricing: { prompt: promptUsdPerToken, completion: '0.000015' } }] }), { status: 200 });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function manualClock(start: number) {
  let t = start;
  let tick: (() => void) | null = null;
  return {
    now: () => t,
    setInterval: (fn: () => void) => ((tick = fn), 1),
    clearInterval: () => (tick = null),
    advance(ms: number) {
      t += ms;
      tick?.();
    },
  };
}

describe('catalog freshness', () => {
  it('refreshes by itself at most once a day, from the configured base URL, and dates the list', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-catalog-svc-'));
    dirs.push(dataDir);
    const { fetch, calls } = fakeModels('0.000003');
    const clock = manualClock(Date.UTC(2026, 11, 1, 9));
    const svc = createCatalogService({ dataDir, upstreams: () => [openrouter], fetch, modelsBaseUrl: 'http://fake.test/api/v1', autoRefresh: { now: clock.now, setInterval: clock.setInterval, clearInterval: clock.clearInterval, checkMs: 3_600_000 } });
    await svc.ready;
    await new Promise((r) => setTimeout(r, 0));
    await svc.settled();
    expect(calls.filter((u) => u.endsWith('/models'))).toEqual(['http://fake.test/api/v1/models']);
    expect(svc.list()).toMatchObject({ source: 'live', listDate: '2026-12-01', stale: false });
    clock.advance(3_600_000); // an hour later: still fresh, nothing fetched
    await svc.settled();
    expect(calls.filter((u) => u.endsWith('/models'))).toHaveLength(1);
    clock.advance(DAY_MS); // a day later: refreshed again
    await svc.settled();
    expect(calls.filter((u) => u.endsWith('/models'))).toHaveLength(2);
    svc.close();
  });

  it('warns when the price list is more than 30 days old', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-catalog-svc-'));
    dirs.push(dataDir);
    const at = (iso: string) => createCatalogService({ dataDir, upstreams: () => [], autoRefresh: false, now: () => Date.parse(iso) });
    const fresh = at('2026-12-01T00:00:00Z');
    await fresh.ready;
    expect(fresh.list()).toMatchObject({ source: 'bundled', listDate: '2026-11-22', stale: false });
    const old = at('2027-01-05T00:00:00Z');
    await old.ready;
    expect(old.list()).toMatchObject({ listDate: '2026-11-22', stale: true });
  });

  it('tells how today’s price list differs from the one an old record was priced with', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-catalog-svc-'));
    dirs.push(dataDir);
    const { fetch } = fakeModels('0.00000375');
    const svc = createCatalogService({ dataDir, upstreams: () => [openrouter], fetch });
    await svc.refresh();
    const record = {
      upstreamId: 'openrouter', model: 'anthropic/claude-sonnet-4.5',
      pricingSnapshot: { capturedAt: 1, source: 'bundled', rates: { prompt: '0.000003', completion: '0.000015' }, listDate: '2026-11-22' },
    } as unknown as GenerationRecord;
    expect(svc.priceChange(record)).toBe('$3.00 → $3.75 per 1M tokens for input');
    expect(svc.priceChange({ ...record, pricingSnapshot: { ...record.pricingSnapshot!, rates: { prompt: '0.00000375', completion: '0.000015' } } })).toBeUndefined();
    // new requests are priced with today's list and keep its date
    expect(svc.hooks.priceSnapshot('anthropic/claude-sonnet-4.5', openrouter)).toMatchObject({ source: 'live', rates: { prompt: '0.00000375' } });
    svc.close();
  });

  it('shows the prices in force on the day, and the rules that name dated slugs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-catalog-svc-'));
    dirs.push(dataDir);
    const at = (iso: string) => createCatalogService({ dataDir, upstreams: () => [], autoRefresh: false, now: () => Date.parse(iso) });
    const gemmaOn = async (iso: string) => {
      const svc = at(iso);
      await svc.ready;
      return svc.list().models.find((m) => m.id === 'google/gemma-4-31b-it');
    };
    // OpenRouter's Gemma 4 31B: $0.12 / $0.36 per million until 2026-08-26, $0.09 / $0.34 from 2026-08-27
    expect(await gemmaOn('2026-08-26T12:00:00Z')).toMatchObject({ promptUsdPerMTok: 0.12, completionUsdPerMTok: 0.36 });
    expect(await gemmaOn('2026-08-27T12:00:00Z')).toMatchObject({ promptUsdPerMTok: 0.09, completionUsdPerMTok: 0.34 });
    const svc = at('2026-12-01T00:00:00Z');
    await svc.ready;
    const luna = svc.list().models.find((m) => m.id === 'openai/gpt-5.6-luna');
    expect(luna?.match && matchesRule(luna.match, 'openai/gpt-5.6-luna-20260801')).toBe(true);
    // the list, price history and match rules included, is what the models.list route promises
    expect(modelListSchema.parse(svc.list()).models.find((m) => m.id === 'openai/gpt-5.6-luna')?.match).toEqual(luna?.match);
  });
});
