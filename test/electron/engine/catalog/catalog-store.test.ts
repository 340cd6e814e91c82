import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPricingHooks, loadCatalog, refreshCatalog } from '../../../../electron/engine/catalog';
import type { UpstreamConfig } from '../../../../electron/engine/types';
import { findModel, loadBundledCatalog } from '../../../../shared/catalog';
import { startFakeOpenRouterAccount, type FakeOpenRouterAccount } from '../../../fakes/openrouter-account';

const bundled = loadBundledCatalog();
let dir: string;
let fake: FakeOpenRouterAccount | undefined;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'parley-catalog-store-'));
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  warn.mockRestore();
  await fake?.close();
  fake = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const cacheDir = () => path.join(dir, 'catalog');
const NOW = Date.parse('2026-09-16T12:00:00Z');

/** Live /models entries as OpenRouter sends them, plus one broken entry. */
const LIVE_MODELS = [
  {
    id: 'anthropic/claude-sonnet-4.5',
    canonical_slug: 'anthropic/claude-4.5-sonnet-20250929',
    hugging_face_id: null,
    name: 'Anthropic: Claude Sonnet 4.5',
    created: 1759161676,
    description: 'Sonnet',
    context_length: 1000000,
    architecture: { modality: 'text+image->text', input_modalities: ['text', 'image', 'file'], output_modalities: ['text'], tokenizer: 'Claude', instruct_type: null },
    pricing: { prompt: '0.000003', completion: '0.000015', request: '0', image: '0.0048', web_search: '0.01', internal_reasoning: '0', input_cache_read: '0.0000003', input_cache_write: '0.00000375' },
    top_provider: { context_length: 1000000, max_completion_tokens: 64000, is_moderated: true },
    per_request_limits: null,
    supported_parameters: ['max_tokens', 'reasoning', 'tools'],
    reasoning: { supported_efforts: ['high', 'medium', 'low'], default_effort: 'medium', supports_max_tokens: true },
    benchmarks: { whatever: true },
    some_future_field: { nested: [1, 2, 3] },
  },
  {
    id: 'example/numeric-prices',
    name: 'Numeric',
    context_length: 8192,
    architecture: { input_modalities: ['text'], output_modalities: ['text'] },
    pricing: { prompt: 0.000001, completion: 0.000002, overrides: [{ min_prompt_tokens: 4096, prompt: '0.000002' }] },
  },
  { id: 'broken/no-pricing', name: 'Broken' },
];

async function serveModels(models: unknown[] = LIVE_MODELS) {
  fake = await startFakeOpenRouterAccount({ models });
  return fake;
}

describe('refreshCatalog', () => {
  it('fetches /models without a key, caches it and returns it as live', async () => {
    const f = await serveModels();
    const r = await refreshCatalog({ cacheDir: cacheDir(), baseUrl: f.baseUrl, now: () => NOW });
    expect(r.source).toBe('live');
    expect(r.fetchedAt).toBe(NOW);
    expect(r.skipped).toBe(1);
    expect(r.problem).toBeUndefined();
    expect(f.requests).toEqual([expect.objectContaining({ path: '/models', authorization: undefined })]);

    const sonnet = findModel(r.catalog, 'anthropic/claude-sonnet-4.5:nitro')!;
    expect(sonnet).toMatchObject({
      name: 'Anthropic: Claude Sonnet 4.5',
      context_length: 1000000,
      architecture: { input_modalities: ['text', 'image', 'file'], tokenizer: 'Claude' },
      pricing: { prompt: '0.000003', image: '0.0048', input_cache_write: '0.00000375' },
      reasoning: { default_effort: 'medium' },
    });
    expect(sonnet).not.toHaveProperty('some_future_field');
    // aliases from the bundled snapshot still resolve, and direct-provider tables are kept
    expect(findModel(r.catalog, 'anthropic/claude-sonnet-4.5-20250929')?.id).toBe('anthropic/claude-sonnet-4.5');
    expect(r.catalog.direct).toBe(bundled.direct);
    // numeric prices are read as strings; overrides are kept
    expect(findModel(r.catalog, 'example/numeric-prices')?.pricing).toEqual({
      prompt: '0.000001',
      completion: '0.000002',
      overrides: [{ min_prompt_tokens: 4096, prompt: '0.000002' }],
    });
    expect(findModel(r.catalog, 'broken/no-pricing')).toBeUndefined();

    const cached = JSON.parse(readFileSync(path.join(cacheDir(), 'models.json'), 'utf8')) as { fetchedAt: number; data: unknown[] };
    expect(cached.fetchedAt).toBe(NOW);
    expect(cached.data).toHaveLength(2);
  });

  it('after a refresh, loadCatalog serves the cache', async () => {
    const f = await serveModels();
    await refreshCatalog({ cacheDir: cacheDir(), baseUrl: f.baseUrl, now: () => NOW });
    const r = await loadCatalog(cacheDir());
    expect(r.source).toBe('cache');
    expect(r.fetchedAt).toBe(NOW);
    expect(r.catalog.data.map((m) => m.id)).toEqual(['anthropic/claude-sonnet-4.5', 'example/numeric-prices']);
  });

  it('offline with a cache → the cache, with the problem said', async () => {
    const f = await serveModels();
    await refreshCatalog({ cacheDir: cacheDir(), baseUrl: f.baseUrl, now: () => NOW });
    const base = f.baseUrl;
    await f.close();
    fake = undefined;
    const r = await refreshCatalog({ cacheDir: cacheDir(), baseUrl: base });
    expect(r.source).toBe('cache');
    expect(r.problem).toMatch(/could not refresh the model list \(offline or unreachable\)/);
    expect(r.catalog.data).toHaveLength(2);
  });

  it('offline without a cache → the bundled snapshot', async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    const r = await refreshCatalog({ cacheDir: cacheDir(), fetch: failing });
    expect(r.source).toBe('bundled');
    expect(r.catalog).toBe(bundled);
    expect(r.fetchedAt).toBe(Date.parse(`${bundled.snapshotDate}T00:00:00Z`));
    expect(r.problem).toMatch(/offline or unreachable/);
  });

  it('an HTTP error or an empty list falls back', async () => {
    const f = await serveModels();
    f.respondNext('/models', { status: 500, body: { error: { code: 500, message: 'Internal error' } } });
    expect(await refreshCatalog({ cacheDir: cacheDir(), baseUrl: f.baseUrl })).toMatchObject({ source: 'bundled', problem: expect.stringContaining('HTTP 500') });
    f.respondNext('/models', { status: 200, body: { data: [] } });
    expect(await refreshCatalog({ cacheDir: cacheDir(), baseUrl: f.baseUrl })).toMatchObject({ source: 'bundled', problem: expect.stringContaining('no readable models') });
    f.respondNext('/models', { status: 200, rawBody: '<html>' });
    expect(await refreshCatalog({ cacheDir: cacheDir(), baseUrl: f.baseUrl })).toMatchObject({ source: 'bundled', problem: expect.stringContaining('not JSON') });
  });

  it('gives up on a server that never answers', async () => {
    const hanging: typeof fetch = (_u, init) => new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    const r = await refreshCatalog({ cacheDir: cacheDir(), fetch: hanging, timeoutMs: 50 });
    expect(r).toMatchObject({ source: 'bundled', problem: expect.stringContaining('timed out') });
  });

  it('still returns the live list when the cache cannot be written', async () => {
    const f = await serveModels();
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const r = await refreshCatalog({ cacheDir: path.join(blocker, 'catalog'), baseUrl: f.baseUrl });
    expect(r.source).toBe('live');
    expect(r.problem).toMatch(/could not be cached/);
  });
});

describe('loadCatalog', () => {
  it('no cache → bundled, no problem', async () => {
    const r = await loadCatalog(cacheDir());
    expect(r).toMatchObject({ source: 'bundled' });
    expect(r.problem).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"schemaVersion":1,"fetchedAt":'],
    ['wrong version', JSON.stringify({ schemaVersion: 2, fetchedAt: NOW, data: [{ id: 'a/b', pricing: { prompt: '0', completion: '0' } }] })],
    ['no models', JSON.stringify({ schemaVersion: 1, fetchedAt: NOW, data: [] })],
    ['no timestamp', JSON.stringify({ schemaVersion: 1, data: [{ id: 'a/b', pricing: { prompt: '0', completion: '0' } }] })],
    ['garbage models', JSON.stringify({ schemaVersion: 1, fetchedAt: NOW, data: [1, 'x', null] })],
  ])('a corrupt cache (%s) is ignored and reported', async (_name, content) => {
    const problems: string[] = [];
    writeFileSync(path.join(dir, 'models.json'), content);
    const r = await loadCatalog(dir, { onProblem: (m) => problems.push(m) });
    expect(r.source).toBe('bundled');
    expect(r.catalog).toBe(bundled);
    expect(r.problem).toMatch(/corrupt and was ignored/);
    expect(problems).toHaveLength(1);
    expect(warn).toHaveBeenCalled();
  });

  it('a cached live list keeps the bundled price history and match rules: old answers keep their old prices', async () => {
    // /models lists today's price alone; the snapshot knows Gemma 4 31B cost $0.12 + $0.36 until 2026-08-26.
    const live = { id: 'google/gemma-4-31b-it', name: 'Gemma 4 31B', context_length: 262144, architecture: { input_modalities: ['text'], output_modalities: ['text'] }, pricing: { prompt: '0.0000001', completion: '0.0000004' } };
    const luna = { id: 'openai/gpt-5.6-luna', name: 'GPT-5.6 Luna', context_length: 1050000, architecture: { input_modalities: ['text'], output_modalities: ['text'] }, pricing: { prompt: '0.0000002', completion: '0.0000012' } };
    writeFileSync(path.join(dir, 'models.json'), JSON.stringify({ schemaVersion: 1, fetchedAt: NOW, data: [live, luna] }));
    const r = await loadCatalog(dir);
    expect(r.source).toBe('cache');
    const hooks = createPricingHooks(() => r.catalog);
    const openrouter: UpstreamConfig = { id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', isByok: false };
    const tokens = { prompt: 1_000_000, completion: 1_000_000, cacheRead: 0, cacheWrite: 0, reasoning: 0 };
    expect(hooks.priceUsage('google/gemma-4-31b-it', openrouter, tokens, [], Date.parse('2026-08-01T12:00:00Z')).micros).toBe(480_000);
    expect(hooks.priceUsage('google/gemma-4-31b-it', openrouter, tokens, [], Date.parse('2026-08-27T12:00:00Z')).micros).toBe(430_000);
    // after the snapshot's date, the live price
    expect(hooks.priceUsage('google/gemma-4-31b-it', openrouter, tokens, [], NOW + 86_400_000 * 90).micros).toBe(500_000);
    // a dated slug only the snapshot's match rule names
    expect(hooks.priceUsage('openai/gpt-5.6-luna-20260801', openrouter, tokens, [], NOW).micros).toBe(1_400_000);
  });

  it('an unreadable cache path is reported, not thrown', async () => {
    const file = path.join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    const r = await loadCatalog(file);
    expect(r.source).toBe('bundled');
    expect(r.problem).toMatch(/could not read the cached model list \(ENOTDIR\)/);
  });
});

describe('createPricingHooks', () => {
  const openrouter: UpstreamConfig = { id: 'openrouter', kind: 'openrouter', label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', isByok: false };
  const anthropic: UpstreamConfig = { id: 'anthropic', kind: 'anthropic', label: 'Anthropic', baseUrl: 'https://api.anthropic.com', isByok: true };
  const groq: UpstreamConfig = { id: 'custom:groq', kind: 'openai-compatible', label: 'Groq', baseUrl: 'https://api.groq.com/openai/v1', isByok: true };
  const ollama: UpstreamConfig = { id: 'custom:ollama', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', isByok: true };
  const hooks = createPricingHooks(() => bundled);
  const tokens = { prompt: 1000, completion: 500, cacheRead: 0, cacheWrite: 0, reasoning: 0 };

  it('gives routing prices per million tokens', () => {
    expect(hooks.pricing('anthropic/claude-sonnet-4.5', openrouter)).toEqual({ promptPerMTok: 3, completionPerMTok: 15 });
    expect(hooks.pricing('nobody/nothing', openrouter)).toBeUndefined();
  });

  it('prices usage: 1000 × 3 µ$ + 500 × 15 µ$ = 10,500 µ$', () => {
    const lines = [
      { component: 'input', units: 1000, unit: 'token', rateMicrosPerUnit: '3', exactMicros: '3000', micros: 3000 },
      { component: 'output', units: 500, unit: 'token', rateMicrosPerUnit: '15', exactMicros: '7500', micros: 7500 },
    ];
    expect(hooks.priceUsage('anthropic/claude-sonnet-4.5', openrouter, tokens)).toEqual({ micros: 10500, exactMicros: '10500', reason: undefined, lines });
    expect(hooks.priceUsage('anthropic/claude-sonnet-4.5', anthropic, tokens)).toMatchObject({ micros: 10500, lines });
  });

  it('honours the :free variant on OpenRouter', () => {
    expect(hooks.priceUsage('meta-llama/llama-3.3-70b-instruct', openrouter, tokens, ['free'])).toMatchObject({ micros: 0, reason: 'free' });
    // a :free the catalog does not list is not free: no price, and the reason says why
    expect(hooks.priceUsage('openai/gpt-4o', openrouter, tokens, ['free'])).toEqual({ micros: undefined, reason: 'no-pricing', detail: 'the price list has no :free variant of openai/gpt-4o' });
  });

  it('uses the direct provider table with the upstream’s native id', () => {
    const groqPrice = bundled.direct.groq!.models['llama-3.3-70b-versatile']!.pricing;
    expect(hooks.pricingOf('groq/llama-3.3-70b-versatile', groq)).toBe(groqPrice);
  });

  it('local servers: no price list, usage free', () => {
    expect(hooks.pricing('ollama/llama3', ollama)).toBeUndefined();
    expect(hooks.priceUsage('ollama/llama3', ollama, tokens)).toEqual({ micros: 0, exactMicros: '0', reason: 'free' });
  });

  it('a model with no price anywhere has no number', () => {
    expect(hooks.priceUsage('nobody/nothing', openrouter, tokens)).toEqual({ micros: undefined, reason: 'no-pricing', detail: 'nobody/nothing is not in the price list' });
  });

  it('re-prices a stored answer at its own date, by the price in force that day', () => {
    // OpenAI's o3 at OpenAI: $10 + $40 per million until 2025-06-09, $2 + $8 from 2025-06-10
    const openai: UpstreamConfig = { id: 'custom:openai', kind: 'openai-compatible', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', isByok: true };
    const million = { prompt: 1_000_000, completion: 1_000_000, cacheRead: 0, cacheWrite: 0, reasoning: 0 };
    expect(hooks.priceUsage('openai/o3', openai, million, [], Date.parse('2025-06-09T23:59:59Z')).micros).toBe(50_000_000);
    expect(hooks.priceUsage('openai/o3', openai, million, [], Date.parse('2025-06-10T00:00:00Z')).micros).toBe(10_000_000);
  });

  it('follows a catalog swap at once', () => {
    let current = bundled;
    const swapped = createPricingHooks(() => current);
    current = { ...bundled, data: [{ ...findModel(bundled, 'anthropic/claude-sonnet-4.5')!, pricing: { prompt: '0.000001', completion: '0.000001' } }] };
    expect(swapped.pricing('anthropic/claude-sonnet-4.5', openrouter)).toEqual({ promptPerMTok: 1, completionPerMTok: 1 });
  });
});
