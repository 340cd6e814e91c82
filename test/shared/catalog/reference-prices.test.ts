import { describe, expect, it } from 'vitest';
import { calcPrice, waitForUpdate, type MatchLogic, type ModelInfo, type Provider } from '@pydantic/genai-prices';
import { computeCost } from '../../../shared/billing/cost';
import { findModel, loadBundledCatalog, lookupPricing } from '../../../shared/catalog';
import type { UpstreamRef } from '../../../shared/catalog/types';

// Parley's prices against an independent reference: Pydantic's genai-prices calculator, at the data version the
// bundled snapshot was built from (the devDependency). Every model of the reference — each direct provider's and
// OpenRouter's — is priced both ways under every id its match rules name (a sample id for a regex or a prefix),
// with cache reads and writes, at instants either side of every price change the data holds and of every daily
// time window's start and end, so a request is priced by the entry in force at its own time. The reference
// computes in floats, so amounts agree to within one micro-dollar.

const catalog = loadBundledCatalog();
const PROVIDERS: Record<string, string> = { anthropic: 'anthropic', openai: 'openai', google: 'google', groq: 'groq', mistral: 'mistral', deepseek: 'deepseek', xai: 'x-ai', openrouter: 'openrouter' };
const usage = { prompt: 123_456, completion: 7_890, cacheRead: 23_456, cacheWrite: 3_456 };
const refUsage = { input_tokens: usage.prompt, output_tokens: usage.completion, cache_read_tokens: usage.cacheRead, cache_write_tokens: usage.cacheWrite };

/** An id a regex accepts, written out ("^gpt-5\.6-luna-\d{4}-\d{2}-\d{2}$" → "gpt-5.6-luna-2026-01-01"), or
 * undefined for a pattern this does not spell out. */
export function sampleFor(regex: string): string | undefined {
  const s = regex
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/\\d\{8\}/g, '20260101')
    .replace(/\\d\{4\}/g, '2026')
    .replace(/\\d\{2\}/g, '01')
    .replace(/\\d/g, '1')
    .replace(/\\([.[\]\-/])/g, '$1');
  return new RegExp(regex).test(s) ? s : undefined;
}

/** Every id a match rule names: its `equals`, a longer id for a prefix, a sample for a regex. */
function namedIds(m: MatchLogic, unspelled: string[]): string[] {
  if ('equals' in m) return [m.equals];
  if ('starts_with' in m) return [m.starts_with, `${m.starts_with}-x`];
  if ('regex' in m) {
    const sample = sampleFor(m.regex);
    if (sample === undefined) unspelled.push(m.regex);
    return sample === undefined ? [] : [sample];
  }
  if ('or' in m) return m.or.flatMap((r) => namedIds(r, unspelled));
  if ('and' in m) return m.and.flatMap((r) => namedIds(r, unspelled));
  return [];
}

/** Units of transcription, OCR and voice models, which the chat API never bills: such models are not compared. */
const NON_CHAT_UNITS = /audio_hours|document_kpages|text_messages_kcount/;
const priceSets = (m: ModelInfo) => (Array.isArray(m.prices) ? m.prices.map((p) => p.prices) : [m.prices]);
const chatPriced = (m: ModelInfo): boolean => !priceSets(m).some((p) => Object.keys(p).some((k) => NON_CHAT_UNITS.test(k)));

const DAY = 86_400_000;

/** "16:30:00Z" → ms after midnight UTC. */
function msOfDay(time: string): number {
  const [h = 0, m = 0, s = 0] = time.replace(/Z$/, '').split(':').map(Number);
  return ((h * 60 + m) * 60 + s) * 1000;
}

/** Plain instants, outside every time window but one (DeepSeek's V3 peak runs 00:30–16:30). */
const PLAIN = ['2026-11-23T02:00:00Z', '2026-11-23T08:00:00Z', '2026-11-23T20:00:00Z'].map((t) => Date.parse(t));

/** The instants a model is compared at: 1 ms before and at each of its price changes, and 1 ms before and at each
 * of its time windows' starts and ends, on the day before and the day of every change and on a plain day. */
function instantsOf(model: ModelInfo): number[] {
  const out = new Set<number>(PLAIN);
  if (!Array.isArray(model.prices)) return [...out];
  const days = new Set<number>([Date.parse('2026-11-23T00:00:00Z')]);
  const edges = new Set<number>();
  for (const { constraint: c } of model.prices) {
    if (c?.type === 'start_date') {
      const t = Date.parse(`${c.start_date}T00:00:00Z`);
      out.add(t - 1).add(t);
      days.add(t - DAY).add(t);
    } else if (c?.type === 'time_of_date') edges.add(msOfDay(c.start_time)).add(msOfDay(c.end_time));
  }
  for (const day of days) {
    out.add(day + 12 * 3_600_000);
    for (const e of edges) out.add(day + e - 1).add(day + e);
  }
  return [...out].sort((a, b) => a - b);
}

interface Case { provider: string; id: string; ref: UpstreamRef; refProvider: string }

async function reference(): Promise<{ cases: Case[]; unspelled: string[]; authorless: number }> {
  const all = (await waitForUpdate()) as Provider[];
  const providers = Object.values(PROVIDERS).map((id) => all.find((p) => p.id === id)!);
  const cases: Case[] = [];
  const unspelled: string[] = [];
  let authorless = 0;
  for (const [pid, genai] of Object.entries(PROVIDERS)) {
    for (const m of providers.find((x) => x.id === genai)!.models) {
      if (!chatPriced(m)) continue;
      for (const id of new Set([m.id, ...namedIds(m.match, unspelled)])) {
        if (pid === 'openrouter') {
          // OpenRouter slugs always name their author; the reference's author-less legacy ids are not slugs.
          if (!id.includes('/')) authorless++;
          else cases.push({ provider: pid, id, refProvider: genai, ref: { kind: 'openrouter', isByok: false } });
        } else {
          cases.push({ provider: pid, id, refProvider: genai, ref: { kind: 'openai-compatible', isByok: true, providerId: pid, nativeModelId: id } });
        }
      }
    }
  }
  return { cases, unspelled, authorless };
}

describe('prices agree with the genai-prices reference', () => {
  it('for every model and every id its rules name, either side of every price change and time-window edge', async () => {
    const { cases, unspelled, authorless } = await reference();
    const disagreements: string[] = [];
    let compared = 0;
    let changes = 0;
    for (const c of cases) {
      const found = lookupPricing(catalog, c.provider === 'openrouter' ? c.id : `${c.provider}/${c.id}`, c.ref);
      // The reference's own pick for the id (its first matching entry), whose price changes give the instants.
      const picked = calcPrice(refUsage, c.id, { providerId: c.refProvider, timestamp: new Date(PLAIN[0]!) })?.model;
      const at = picked ? instantsOf(picked) : PLAIN;
      if (picked && Array.isArray(picked.prices)) changes++;
      for (const t of at) {
        const ref = calcPrice(refUsage, c.id, { providerId: c.refProvider, timestamp: new Date(t) });
        const mine = computeCost(usage, found.pricing, { at: t });
        compared++;
        const refMicros = ref ? Math.round(ref.total_price * 1e6) : undefined;
        const agree = refMicros === undefined ? mine.micros === undefined : mine.micros !== undefined && Math.abs(mine.micros - refMicros) <= 1;
        if (!agree) {
          disagreements.push(`${c.provider}/${c.id} at ${new Date(t).toISOString()}: reference ${refMicros ?? 'none'} µ$, Parley ${mine.micros ?? 'none'} (${found.detail ?? ''})`);
          break; // one line per id
        }
      }
    }
    expect(unspelled).toEqual([]);
    expect(cases.filter((c) => c.provider === 'openrouter').length).toBeGreaterThan(500);
    expect(authorless).toBeGreaterThan(0);
    expect(changes).toBeGreaterThan(20);
    expect(compared).toBeGreaterThan(4000);
    expect(disagreements).toEqual([]);
    console.log(`${cases.length} ids, ${compared} comparisons; ${changes} ids have dated or timed prices`);
  });

  it('prices a dated slug that only a regex rule names, on OpenRouter and at the provider', () => {
    const dated = findModel(catalog, 'openai/gpt-5.6-luna-20260801');
    expect(dated?.id).toBe('openai/gpt-5.6-luna');
    expect(findModel(catalog, 'x-ai/grok-4.3-20261001:nitro')?.id).toBe('x-ai/grok-4.3');
    expect(findModel(catalog, 'openai/gpt-5.6-luna-2026080')).toBeUndefined(); // seven digits: not the rule's date
    const onOpenRouter = computeCost({ prompt: 1_000_000, completion: 0 }, lookupPricing(catalog, 'openai/gpt-5.6-luna-20260801', { kind: 'openrouter', isByok: false }).pricing, { at: Date.parse('2026-11-23T12:00:00Z') });
    expect(onOpenRouter.micros).toBe(Math.round(calcPrice({ input_tokens: 1_000_000 }, 'openai/gpt-5.6-luna-20260801', { providerId: 'openrouter', timestamp: new Date('2026-11-23T12:00:00Z') })!.total_price * 1e6));
    const direct = lookupPricing(catalog, 'openai/gpt-5.6-luna', { kind: 'openai-compatible', isByok: true, providerId: 'openai', nativeModelId: 'gpt-5.6-luna-2026-08-01' });
    expect(direct.pricing).toBe(catalog.direct.openai!.models['gpt-5.6-luna']!.pricing);
  });
});
