import { repriceViews } from '../../../shared/billing/reprice';
import { DEFAULT_BYOK_FEE_SETTINGS } from '../../../shared/billing/byok-fees';
import type { ModelPricing } from '../../../shared/catalog/types';
import type { LedgerRow } from '../../history/db/ledger-types';
import { rowCostMicros } from '../forecast/forecast';
import { tokenConversion } from '../../../shared/billing/tokenizer-ratios';

// The "What would this have cost?" table: the same requests' token usage priced on each chosen model, at the
// requests' own times and at today's prices, without prompt caching, and on the user's own key through OpenRouter
// (OpenRouter's BYOK fee on top of the provider's list price, beyond the monthly allowance). Token counts come from
// each request's own tokenizer. Priced on a model of another family they are converted by the two families'
// measured ratios (shared/billing/tokenizer-ratios.ts; Parley keeps no text in the ledger to count again), or
// kept as they are where a family has no measured ratio; either way the row says its figures are approximate.

/** One provider a candidate is priced at (catalog.endpoints): absent, the catalog's list price ("any"). */
export interface RepriceVia {
  upstreamId: string;
  label: string;
  /** the user's own key straight to the provider: no OpenRouter fee, no credits */
  byok: boolean;
  /** a model server on this machine */
  local: boolean;
}

export interface RepriceCandidate {
  model: string;
  pricing: ModelPricing | undefined;
  via?: RepriceVia;
}

/** A candidate's identity in the dialog and the table: the model, and the provider when one was chosen. */
export const candidateKey = (c: { model: string; via?: { upstreamId: string } | undefined }): string => (c.via ? `${c.model}|${c.via.upstreamId}` : c.model);

export interface RepriceLine {
  /** candidateKey: the model, and the provider when one was chosen */
  key: string;
  model: string;
  /** "model via provider", or the model alone at its catalog price */
  label: string;
  via: RepriceVia | null;
  /** at each request's own time, caching as it was used */
  thenMicros: number | null;
  /** all at today's prices */
  todayMicros: number | null;
  /** at the request's time, every input token at the input rate */
  noCacheMicros: number | null;
  /** own key through OpenRouter: the provider's list price plus OpenRouter's fee; undefined for a provider reached
   * without OpenRouter (a direct key, a local server) */
  byokMicros: number | null | undefined;
  /** on OpenRouter credits bought by card: the list price plus the card purchase fee (as a share, over larger buys);
   * undefined without OpenRouter */
  creditsMicros: number | null | undefined;
  /** this model answered some of these requests */
  used: boolean;
  /** why the figure is approximate, when it is */
  approximate: string | null;
  /** the families whose token counts were converted to this model's tokenizer, e.g. ['OpenAI'] */
  convertedFrom: string[];
  /** the families whose counts were kept as they are (no measured ratio to convert them) */
  keptFrom: string[];
}

export interface RepriceTable {
  lines: RepriceLine[];
  requests: number;
  /** what the requests actually cost (billed where known), and how many had no price */
  actualMicros: number;
  actualUnpriced: number;
  /** requests with no token counts (not priced on any model) */
  noUsage: number;
  estimatedTokens: boolean;
}

/** The tokenizer family a model's counts come from, by its author (an approximation of which tokenizer it uses). */
export function tokenizerFamily(slug: string): string {
  const author = slug.split('/')[0]!.toLowerCase();
  const families: Record<string, string> = {
    openai: 'OpenAI', anthropic: 'Anthropic', google: 'Gemini', 'meta-llama': 'Llama', mistralai: 'Mistral', deepseek: 'DeepSeek',
    qwen: 'Qwen', 'x-ai': 'Grok', cohere: 'Cohere', microsoft: 'Phi', nvidia: 'Llama', amazon: 'Nova', moonshotai: 'Kimi', 'z-ai': 'GLM',
  };
  return families[author] ?? author;
}

const plusBps = (micros: number | null, bps: number): number | null => (micros === null ? null : Math.round((micros * (10_000 + bps)) / 10_000));
const withFee = (micros: number | null) => plusBps(micros, DEFAULT_BYOK_FEE_SETTINGS.feeBps);
const onCredits = (micros: number | null) => plusBps(micros, DEFAULT_BYOK_FEE_SETTINGS.cardFeeBps);

function approximation(family: string, converted: string[], kept: string[]): string | null {
  const parts: string[] = [];
  if (converted.length) parts.push(`converted from ${converted.join(', ')} tokens by the measured ratio of ${family}’s tokenizer to theirs`);
  if (kept.length) parts.push(`${kept.join(', ')} token counts kept as they are (no measured ratio); ${family}’s tokenizer would count the same text differently`);
  return parts.length ? parts.join('; ') : null;
}

export function repriceTable(rows: readonly LedgerRow[], candidates: readonly RepriceCandidate[], now: number): RepriceTable {
  const familyOf = new Map<string, string>();
  const requests = rows.map((r) => {
    const model = r.model ?? r.requestedModel;
    let family = familyOf.get(model);
    if (family === undefined) familyOf.set(model, (family = tokenizerFamily(model)));
    return { createdAt: r.createdAt, tokens: r.tokens, family };
  });
  const usedModels = new Set(familyOf.keys());
  let usedVia: Set<string> | undefined; // built only when some row names a provider
  const usedThrough = (key: string) => (usedVia ??= new Set(rows.map((r) => `${r.model ?? r.requestedModel}|${r.upstreamId}`))).has(key);
  const families = new Set(familyOf.values());
  let actual = 0;
  let unpriced = 0;
  for (const r of rows) {
    const c = rowCostMicros(r);
    if (c === undefined) unpriced++;
    else actual += c;
  }
  const noUsage = rows.filter((r) => !r.tokens).length;
  let estimated = false;
  const lines = candidates.map((c): RepriceLine => {
    const family = tokenizerFamily(c.model);
    const others = [...families].filter((f) => f !== family);
    const factor = new Map(others.map((f) => [f, tokenConversion(f, family)]));
    const { then, today, noCache } = repriceViews(requests, c.pricing, now, others.length ? (r) => factor.get(r.family) ?? 1 : undefined);
    estimated ||= then.estimated;
    const convertedFrom = others.filter((f) => factor.get(f) !== null);
    const kept = others.filter((f) => factor.get(f) === null);
    const offOpenRouter = c.via !== undefined && (c.via.byok || c.via.local);
    return {
      key: candidateKey(c),
      model: c.model,
      label: c.via ? `${c.model} via ${c.via.label}` : c.model,
      via: c.via ?? null,
      thenMicros: then.micros,
      todayMicros: today.micros,
      noCacheMicros: noCache.micros,
      byokMicros: offOpenRouter ? undefined : withFee(then.micros),
      creditsMicros: offOpenRouter ? undefined : onCredits(then.micros),
      used: c.via ? usedThrough(candidateKey(c)) : usedModels.has(c.model),
      approximate: approximation(family, convertedFrom, kept),
      convertedFrom,
      keptFrom: kept,
    };
  });
  lines.sort((a, b) => (a.thenMicros ?? Infinity) - (b.thenMicros ?? Infinity) || a.label.localeCompare(b.label));
  return { lines, requests: rows.length, actualMicros: actual, actualUnpriced: unpriced, noUsage, estimatedTokens: estimated };
}
