import type { ModelPricing } from '../catalog/types';
import { pricesAt } from '../catalog/prices-at';
import type { TokenCounts } from '../openrouter/generation';
import { computeCost, effectiveRates, overrideApplies, type CostUsage } from './cost';

// "What would this have cost?": the token usage of past requests priced with another model's price list, at the
// requests' own times (the price set in force then, its time-of-day windows, long-context tiers and overrides) or
// at one time (today's prices). Requests are priced in groups that share the same rates — the same entry of the
// price history, the same tier, the same overrides — so 100,000 requests cost a handful of exact computations:
// a group's usage is summed and priced once with its rates made flat. The result is exact up to rounding: a group
// is rounded once, where each request was rounded on its own (at most ½ µ$ per request apart).
// Token counts can be converted first (another tokenizer's count of the same text): each request's text tokens —
// prompt, completion, cache, reasoning; not images, audio or searches — are multiplied by its scale and rounded.
// Caching: 'as-used' prices cache reads and writes as they happened, at the target's cache rates (its input rate
// when it has none); 'off' prices every input token at the input rate (what the prompt costs without a cache).

export interface RepriceRequest {
  createdAt: number;
  tokens: TokenCounts | null;
}

export interface RepriceOptions {
  /** price at each request's time, or all at one time (e.g. now) */
  at: 'request' | number;
  caching: 'as-used' | 'off';
}

export interface RepriceTotal {
  /** null when the price list cannot price these requests */
  micros: number | null;
  priced: number;
  /** requests without token counts (nothing to price) */
  noUsage: number;
  /** some token counts were estimated locally (an interrupted stream) */
  estimated: boolean;
}

const FLAT_DROP = ['overrides', 'long_context_tiers', 'schedule', 'from_date', 'utc_start', 'utc_end'] as const;

interface Group {
  pricing: ModelPricing;
  at: number;
  usage: Required<Pick<CostUsage, 'prompt' | 'completion' | 'cacheRead' | 'cacheWrite' | 'cacheWrite1h' | 'reasoning' | 'audioIn' | 'audioOut' | 'imageIn' | 'imageOut' | 'webSearchRequests' | 'requests'>>;
}

export function repriceRequests(requests: Iterable<RepriceRequest>, listed: ModelPricing | undefined, opts: RepriceOptions): RepriceTotal {
  const acc = new Accumulator(listed, opts.caching);
  for (const r of requests) acc.add(r, opts.at === 'request' ? r.createdAt : opts.at);
  return acc.total();
}

export interface RepriceViews {
  /** at each request's own time, caching as used */
  then: RepriceTotal;
  /** all at `now`, caching as used */
  today: RepriceTotal;
  /** at each request's own time, every input token at the input rate */
  noCache: RepriceTotal;
}

/** The three views the reprice table shows, in one pass over the requests; `scaleOf` converts a request's text
 * token counts to the target's tokenizer (1 when absent). */
export function repriceViews<R extends RepriceRequest>(requests: readonly R[], listed: ModelPricing | undefined, now: number, scaleOf?: (r: R) => number): RepriceViews {
  const then = new Accumulator(listed, 'as-used');
  const today = new Accumulator(listed, 'as-used');
  const noCache = new Accumulator(listed, 'off');
  if (listed) {
    for (const r of requests) {
      const scale = scaleOf ? scaleOf(r) : 1;
      const key = then.add(r, r.createdAt, undefined, scale);
      noCache.add(r, r.createdAt, key, scale);
      today.add(r, now, undefined, scale);
    }
  }
  return { then: then.total(), today: today.total(), noCache: noCache.total() };
}

/** Requests summed into groups that share their rates, priced once per group. */
class Accumulator {
  private readonly sets = new Map<ModelPricing, number>();
  private readonly groups = new Map<string | number, Group>();
  private priced = 0;
  private noUsage = 0;
  private estimated = false;

  constructor(private readonly listed: ModelPricing | undefined, private readonly caching: RepriceOptions['caching']) {}

  /** Adds one request priced at `at`; returns its group's key (pass it back for the same request at the same time). */
  add(r: RepriceRequest, at: number, knownKey?: string | number, scale = 1): string | number | undefined {
    const raw = r.tokens;
    if (!this.listed) return undefined;
    if (!raw) {
      this.noUsage++;
      return undefined;
    }
    const t = scale === 1 ? raw : scaled(raw, scale);
    this.priced++;
    if (t.estimated) this.estimated = true;
    const prompt = Math.max(0, t.prompt);
    let key = knownKey;
    let set: ModelPricing | undefined;
    if (key === undefined) {
      set = pricesAt(this.listed, at);
      let setId = this.sets.get(set);
      if (setId === undefined) this.sets.set(set, (setId = this.sets.size));
      const overrides = overrideKey(set, prompt, at);
      // a number when no override applies (the common case): no string built per request
      key = overrides === '' ? setId * 1024 + tierIndex(set, prompt) + 1 : `${setId}:${tierIndex(set, prompt)}:${overrides}`;
    }
    let g = this.groups.get(key);
    if (!g) {
      set ??= pricesAt(this.listed, at);
      const { rates } = effectiveRates(set, prompt, at);
      const flat: ModelPricing = { ...set, ...rates } as ModelPricing;
      for (const k of FLAT_DROP) delete (flat as unknown as Record<string, unknown>)[k];
      g = { pricing: flat, at, usage: { prompt: 0, completion: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0, audioIn: 0, audioOut: 0, imageIn: 0, imageOut: 0, webSearchRequests: 0, requests: 0 } };
      this.groups.set(key, g);
    }
    const u = g.usage;
    u.prompt += prompt;
    u.completion += Math.max(0, t.completion);
    if (this.caching === 'as-used') {
      u.cacheRead += t.cacheRead;
      u.cacheWrite += t.cacheWrite;
      u.cacheWrite1h += t.cacheWrite1h ?? 0;
    }
    u.reasoning += t.reasoning;
    u.audioIn += t.audioIn ?? 0;
    u.audioOut += t.audioOut ?? 0;
    u.imageIn += t.imageIn ?? 0;
    u.imageOut += t.imageOut ?? 0;
    u.webSearchRequests += t.webSearchRequests ?? 0;
    u.requests += 1;
    return key;
  }

  total(): RepriceTotal {
    const base = { priced: this.priced, noUsage: this.noUsage, estimated: this.estimated };
    if (!this.listed) return { micros: null, ...base };
    let micros = 0;
    for (const g of this.groups.values()) {
      const c = computeCost(g.usage, g.pricing, { at: g.at });
      if (c.micros === undefined) return { micros: null, ...base };
      micros += c.micros;
    }
    return { micros, ...base };
  }
}

/** Counts converted by `s`, each part rounded on its own and the totals summed from the parts (prompt includes
 * the cache reads and writes, completion the reasoning), so no part can exceed its total. */
function scaled(t: TokenCounts, s: number): TokenCounts {
  const r = (n: number) => Math.round(n * s);
  const cacheRead = r(t.cacheRead);
  const cacheWrite = r(t.cacheWrite);
  const reasoning = r(t.reasoning);
  return {
    ...t,
    prompt: r(Math.max(0, t.prompt - t.cacheRead - t.cacheWrite)) + cacheRead + cacheWrite,
    completion: r(Math.max(0, t.completion - t.reasoning)) + reasoning,
    cacheRead,
    cacheWrite,
    ...(t.cacheWrite1h !== undefined ? { cacheWrite1h: Math.min(cacheWrite, r(t.cacheWrite1h)) } : {}),
    reasoning,
  };
}

/** The long-context tier a prompt of this size falls in (the highest threshold it passes), -1 for none: as
 * effectiveRates picks it. */
function tierIndex(set: ModelPricing, prompt: number): number {
  const tiers = set.long_context_tiers;
  let best = -1;
  if (tiers) for (let i = 0; i < tiers.length; i++) if (prompt > tiers[i]!.above_prompt_tokens && (best < 0 || tiers[i]!.above_prompt_tokens > tiers[best]!.above_prompt_tokens)) best = i;
  return best;
}

/** Which overrides apply, by index ("" when none or no overrides). */
function overrideKey(set: ModelPricing, prompt: number, at: number): string {
  const o = set.overrides;
  if (!o) return '';
  let key = '';
  for (let i = 0; i < o.length; i++) if (overrideApplies(o[i]!, prompt, at)) key += `${i},`;
  return key;
}
