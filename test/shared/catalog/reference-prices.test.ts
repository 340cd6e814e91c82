import { describe, expect, it } from 'vitest';
import { calcPrice, waitForUpdate, type MatchLogic, type Provider } from '@pydantic/genai-prices';
import { computeCost } from '../../../shared/billing/cost';
import { loadBundledCatalog, lookupPricing } from '../../../shared/catalog';
import type { UpstreamRef } from '../../../shared/catalog/types';

// Parley's prices against an independent reference: Pydantic's genai-prices calculator, at the data version the
// bundled snapshot was built from (the devDependency). Every id each direct provider's match rules name — and
// every OpenRouter model — is priced both ways at three times of day (DeepSeek peak and off-peak), with cache
// reads and writes. The reference computes in floats, so amounts agree to within one micro-dollar.

const catalog = loadBundledCatalog();
const PROVIDERS: Record<string, string> = { anthropic: 'anthropic', openai: 'openai', google: 'google', groq: 'groq', mistral: 'mistral', deepseek: 'deepseek', xai: 'x-ai' };
const TIMES = ['2026-11-23T02:00:00Z', '2026-11-23T08:00:00Z', '2026-11-23T20:00:00Z'].map((t) => new Date(t));
const usage = { prompt: 123_456, completion: 7_890, cacheRead: 23_456, cacheWrite: 3_456 };
const refUsage = { input_tokens: usage.prompt, output_tokens: usage.completion, cache_read_tokens: usage.cacheRead, cache_write_tokens: usage.cacheWrite };

function namedIds(m: MatchLogic): string[] {
  if ('equals' in m) return [m.equals];
  if ('starts_with' in m) return [m.starts_with, `${m.starts_with}-x`];
  if ('or' in m) return m.or.flatMap(namedIds);
  if ('and' in m) return m.and.flatMap(namedIds);
  return [];
}

interface Case { provider: string; id: string; ref: UpstreamRef; refProvider: string }

/** Units of transcription, OCR and voice models, which the chat API never bills: such models are not compared. */
const NON_CHAT_UNITS = /audio_hours|document_kpages|text_messages_kcount/;
const chatPriced = (prices: ModelInfoPrices): boolean => {
  const list = Array.isArray(prices) ? prices.map((p) => p.prices) : [prices];
  return !list.some((p) => Object.keys(p).some((k) => NON_CHAT_UNITS.test(k)));
};
type ModelInfoPrices = Provider['models'][number]['prices'];

async function cases(): Promise<Case[]> {
  const providers = (await waitForUpdate()) as Provider[];
  const out: Case[] = [];
  for (const [pid, genai] of Object.entries(PROVIDERS)) {
    const p = providers.find((x) => x.id === genai)!;
    for (const m of p.models) {
      if (!chatPriced(m.prices)) continue;
      for (const id of new Set([m.id, ...namedIds(m.match)])) {
        if (id.includes('/') || id.includes(':')) continue;
        out.push({ provider: pid, id, refProvider: genai, ref: { kind: 'openai-compatible', isByok: true, providerId: pid, nativeModelId: id } });
      }
    }
  }
  for (const m of catalog.data) out.push({ provider: 'openrouter', id: m.id, refProvider: 'openrouter', ref: { kind: 'openrouter', isByok: false } });
  return out;
}

describe('prices agree with the genai-prices reference', () => {
  it('for every id the reference prices, at peak and off-peak hours', async () => {
    const all = await cases();
    const disagreements: string[] = [];
    let compared = 0;
    for (const c of all) {
      const found = lookupPricing(catalog, c.provider === 'openrouter' ? c.id : `${c.provider}/${c.id}`, c.ref);
      for (const at of TIMES) {
        const ref = calcPrice(refUsage, c.id, { providerId: c.refProvider, timestamp: at });
        const mine = computeCost(usage, found.pricing, { at: at.getTime() });
        compared++;
        if (!ref) {
          if (mine.micros !== undefined) disagreements.push(`${c.provider}/${c.id}: the reference has no price, Parley says ${mine.micros} µ$`);
          continue;
        }
        const refMicros = Math.round(ref.total_price * 1e6);
        if (mine.micros === undefined || Math.abs(mine.micros - refMicros) > 1) {
          disagreements.push(`${c.provider}/${c.id} at ${at.toISOString()}: reference ${refMicros} µ$, Parley ${mine.micros ?? 'none'} (${found.detail ?? ''})`);
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
    expect(disagreements).toEqual([]);
  });
});
