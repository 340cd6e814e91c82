import type { ChatRequest, ProviderPreferences } from '../../../shared/openrouter/chat-request';
import type { HealthTracker } from '../health/endpoint-health';
import { healthKey } from '../health/endpoint-health';
import type { UpstreamConfig } from '../types';
import { ROUTER_VARIANTS } from '../../../shared/catalog/variants';
import { requestedParameters, supportsParameter, type Parameter } from './capabilities';
import { isListedModelName, resolveModel } from './candidates';
import { blendedPrice, orderEndpoints, orderIndex, type SortBy } from './order';
import { isLocalServer, localOnlyNames, providerSlugOf, upstreamNames } from './providers';
import type { Endpoint, PriceInfo, PricingLookup, RoutePlan, RouteStep } from './route-types';
import { buildUpstreamBody } from './upstream-body';
import { parseModelVariants, type Variant } from './variants';
import { isRouter } from '../providers/registry';
import { searchesTheWeb, wantsWebSearch } from './web-search';

// Request → the ordered list of (endpoint, body) attempts: resolve every entry of `model`/`models`, apply variants
// and `provider` preferences, order the survivors. When nothing survives the message says why.

export interface PlanContext {
  upstreams: readonly UpstreamConfig[];
  pricing?: PricingLookup;
  health: HealthTracker;
  random: () => number;
  /** Whether the model catalog knows a slug; a slug nothing serves is then "not found" (400) rather than
   * "no endpoints" (404), as OpenRouter tells them apart (docs/openrouter-api.md §5.4). */
  knownModel?: (slug: string) => boolean;
}


type ModelOutcome =
  | { ok: true; endpoints: Endpoint[]; sortBy?: SortBy }
  | { ok: false; status: 400 | 404; message: string; excludedBy: string[]; notFound?: boolean };

export function modelList(req: ChatRequest): string[] {
  if (!req.models) return req.model ? [req.model] : [];
  const list = [...(req.model ? [req.model] : []), ...(req.models ?? [])];
  return [...new Set(list)];
}

function normaliseSort(sort: ProviderPreferences['sort']): { by?: SortBy; partition: 'model' | 'none' } {
  if (!sort) return { partition: 'model' };
  if (typeof sort === 'string') return { by: sort, partition: 'model' };
  return { by: sort.by, partition: sort.partition ?? 'model' };
}

const lower = (xs: readonly string[] | undefined) => xs?.map((x) => x.toLowerCase());
const usd = (n: number) => `$${Number(n.toPrecision(6))}`;
const label = (ep: Endpoint) => ep.upstream.label;

function priceOf(ctx: PlanContext, slug: string, u: UpstreamConfig, variants: Variant[]): PriceInfo | undefined {
  if (isRouter(u) && variants.includes('free')) return { promptPerMTok: 0, completionPerMTok: 0, request: 0 };
  let p: PriceInfo | undefined;
  try {
    p = ctx.pricing?.(slug, u);
  } catch {
    p = undefined; // a broken price table must not break routing
  }
  if (p) return p;
  return isLocalServer(u) ? { promptPerMTok: 0, completionPerMTok: 0, request: 0 } : undefined;
}

function exceedsMaxPrice(p: PriceInfo, max: NonNullable<ProviderPreferences['max_price']>): string | undefined {
  if (max.prompt !== undefined && p.promptPerMTok > max.prompt) return `prompt ${usd(p.promptPerMTok)}/M > ${usd(max.prompt)}/M`;
  if (max.completion !== undefined && p.completionPerMTok > max.completion) {
    return `completion ${usd(p.completionPerMTok)}/M > ${usd(max.completion)}/M`;
  }
  if (max.request !== undefined && (p.request ?? 0) > max.request) return `request ${usd(p.request ?? 0)} > ${usd(max.request)}`;
  return undefined;
}

type EndpointSkeleton = Omit<Endpoint, 'price'>;

/** What a model id resolves to on an upstream list: its variants, slug and candidate endpoints (prices aside). */
type Resolution =
  | { ok: false; message: string }
  | { ok: true; base: string; variants: Variant[]; slug: string; endpoints: EndpointSkeleton[] };

// A resolution depends only on the model id and the upstream list, which main keeps (immutable) until keys
// change: it is worked out once per list and id. Prices, health and preferences are applied per request.
const resolutions = new WeakMap<readonly UpstreamConfig[], Map<string, Resolution>>();
const MAX_RESOLUTIONS = 256; // model ids come from callers: the memo stays small whatever they send

function resolve(requested: string, upstreams: readonly UpstreamConfig[]): Resolution {
  let memo = resolutions.get(upstreams);
  if (!memo) resolutions.set(upstreams, (memo = new Map()));
  const known = memo.get(requested);
  if (known) return known;
  const r = resolveUncached(requested, upstreams);
  if (memo.size >= MAX_RESOLUTIONS) memo.clear();
  memo.set(requested, r);
  return r;
}

function resolveUncached(requested: string, upstreams: readonly UpstreamConfig[]): Resolution {
  const parsed = parseModelVariants(requested, (name) => isListedModelName(name, upstreams));
  if (!parsed.ok) return parsed;
  const { base, variants } = parsed;
  const resolved = resolveModel(base, upstreams);
  const routerSuffix = variants.filter((v) => ROUTER_VARIANTS.includes(v)).map((v) => `:${v}`).join('');
  const endpoints = resolved.candidates.map(({ upstream, nativeModel }): EndpointSkeleton => {
    const native = isRouter(upstream) ? nativeModel + routerSuffix : nativeModel;
    return { key: healthKey(upstream.id, native), upstream, provider: providerSlugOf(upstream), modelSlug: resolved.slug, nativeModel: native, requested, variants };
  });
  return { ok: true, base, variants, slug: resolved.slug, endpoints };
}

function endpointsForModel(requested: string, req: ChatRequest, ctx: PlanContext, localOnly: ReadonlySet<string>): ModelOutcome {
  const prefs = req.provider ?? {};
  const resolved = resolve(requested, ctx.upstreams);
  if (!resolved.ok) return { ok: false, status: 400, message: resolved.message, excludedBy: [] };
  const { base, variants } = resolved;
  if (resolved.endpoints.length === 0) {
    if (ctx.knownModel && !ctx.knownModel(resolved.slug)) {
      const message = `"${base}" is not a model Parley knows: no configured upstream lists it and the model catalog does not have it.`;
      return { ok: false, status: 400, message, excludedBy: [], notFound: true };
    }
    const hint = ctx.upstreams.length === 0
      ? 'No upstream is configured: add an OpenRouter key or a provider key.'
      : 'Add an OpenRouter key, a key for its provider, or a custom endpoint that lists it.';
    return { ok: false, status: 404, message: `No configured upstream serves "${base}". ${hint}`, excludedBy: [] };
  }
  let eps: Endpoint[] = resolved.endpoints.map((ep) => ({ ...ep, price: priceOf(ctx, resolved.slug, ep.upstream, variants) }));

  const excluded: string[] = [];
  const excludedBy = new Set<string>();
  const keep = (tag: string, pred: (ep: Endpoint) => boolean, why: (ep: Endpoint) => string) => {
    eps = eps.filter((ep) => {
      if (pred(ep)) return true;
      excluded.push(`${label(ep)} ${why(ep)}`);
      excludedBy.add(tag);
      return false;
    });
  };
  const viaRouter = (ep: Endpoint) => isRouter(ep.upstream);
  const badVariant = (message: string): ModelOutcome => ({ ok: false, status: 400, message, excludedBy: ['variant'] });

  if (variants.includes('extended')) {
    keep('variant', viaRouter, () => 'excluded: ":extended" is only served through OpenRouter');
    if (eps.length === 0) return badVariant(`"${requested}": the ":extended" variant is only available through OpenRouter; add an OpenRouter key or drop the suffix.`);
  }
  if (variants.includes('online')) {
    keep('variant', searchesTheWeb, () => 'excluded: no web search support for ":online"');
    if (eps.length === 0) return badVariant(`"${requested}": the ":online" variant needs web search, which no configured upstream for "${base}" supports (OpenRouter does).`);
  } else if (wantsWebSearch(req)) {
    keep('web_search', searchesTheWeb, () => 'cannot search the web');
    if (eps.length === 0) {
      const message = `Web search is not available for this model ("${base}") with the configured keys: OpenRouter, and Anthropic, Gemini and OpenAI search models with your own keys, can search.`;
      return { ok: false, status: 400, message, excludedBy: ['web_search'] };
    }
  }
  if (variants.includes('free')) {
    keep('variant', (ep) => viaRouter(ep) || (ep.price !== undefined && blendedPrice(ep.price) === 0 && !ep.price.request),
      () => 'excluded: not a free endpoint (":free")');
  }
  if (variants.includes('thinking')) {
    keep('variant', (ep) => supportsParameter(ep.upstream, 'reasoning'), () => 'excluded: no reasoning support for ":thinking"');
  }

  const ignore = lower(prefs.ignore);
  if (ignore?.length) {
    keep('ignored_providers', (ep) => !ignore.some((n) => upstreamNames(ep.upstream).has(n)), () => 'excluded by provider.ignore');
  }
  const only = lower(prefs.only);
  if (only?.length) {
    keep('allowed_providers', (ep) => only.some((n) => upstreamNames(ep.upstream).has(n) || (viaRouter(ep) && !localOnly.has(n))),
      () => 'excluded: not in provider.only');
  }
  if (prefs.data_collection === 'deny') {
    // OpenRouter receives `data_collection: "deny"` and enforces it across its own providers.
    keep('data_policy:training', (ep) => ep.upstream.dataCollection === 'deny' || (viaRouter(ep) && ep.upstream.dataCollection !== 'allow'),
      () => 'excluded by provider.data_collection "deny" (may store or train on data)');
  }
  const params = requestedParameters(req);
  if (prefs.require_parameters) {
    keep('require_parameters', (ep) => params.every((p) => supportsParameter(ep.upstream, p)),
      (ep) => `excluded by provider.require_parameters (unsupported: ${params.filter((p) => !supportsParameter(ep.upstream, p)).join(', ')})`);
  } else {
    // OpenRouter's soft default: prefer endpoints that honour tools / response_format, never remove them all.
    for (const p of ['tools', 'response_format'] as Parameter[]) {
      if (params.includes(p) && eps.some((ep) => supportsParameter(ep.upstream, p))) eps = eps.filter((ep) => supportsParameter(ep.upstream, p));
    }
  }
  const maxPrice = prefs.max_price;
  if (maxPrice && (maxPrice.prompt !== undefined || maxPrice.completion !== undefined || maxPrice.request !== undefined)) {
    keep('max_price', (ep) => ep.price !== undefined && !exceedsMaxPrice(ep.price, maxPrice),
      (ep) => `excluded by provider.max_price (${ep.price ? exceedsMaxPrice(ep.price, maxPrice) : 'no known price'})`);
  }
  const order = lower(prefs.order);
  if (prefs.allow_fallbacks === false && order?.length) {
    keep('allowed_providers', (ep) => orderIndex(ep, order, localOnly) < 1e9, () => 'excluded: not in provider.order and allow_fallbacks is false');
  }

  if (eps.length === 0) {
    return {
      ok: false,
      status: 404,
      message: `No endpoint for "${requested}" satisfies the routing preferences: ${excluded.join('; ')}.`,
      excludedBy: [...excludedBy],
    };
  }
  const sortBy = normaliseSort(prefs.sort).by ?? (variants.includes('nitro') ? 'throughput' : variants.includes('floor') ? 'price' : undefined);
  return { ok: true, endpoints: eps, sortBy };
}

export function planRoute(req: ChatRequest, ctx: PlanContext): RoutePlan {
  const models = modelList(req);
  if (models.length === 0) return { ok: false, status: 400, message: 'The request names no model: set "model" (or "models").' };
  const localOnly = localOnlyNames(ctx.upstreams);
  const prefs = req.provider ?? {};
  const order = lower(prefs.order);
  const partition = normaliseSort(prefs.sort).partition;

  const outcomes = models.map((m) => endpointsForModel(m, req, ctx, localOnly));
  const usable = outcomes.filter((o): o is Extract<ModelOutcome, { ok: true }> => o.ok);
  if (usable.length === 0) {
    const failures = outcomes as Extract<ModelOutcome, { ok: false }>[];
    const status = failures.every((f) => f.status === 400) ? 400 : 404;
    const excludedBy = [...new Set(failures.flatMap((f) => f.excludedBy))];
    // docs/openrouter-api.md §5.4: the availability code a client can act on.
    const code = failures.every((f) => f.notFound) ? 'model_not_found' : status === 404 ? (excludedBy.length > 0 ? 'constraint_filtered' : 'no_endpoints') : undefined;
    return {
      ok: false,
      status,
      message: failures.map((f) => f.message).join(' '),
      metadata: {
        error_type: status === 400 ? 'invalid_request' : 'not_found',
        requested_models: models,
        ...(excludedBy.length > 0 ? { excluded_by: excludedBy } : {}),
      },
      ...(code ? { availability: { code, retryable: false, requested_models: models, ...(excludedBy.length > 0 ? { excluded_by: excludedBy } : {}) } } : {}),
    };
  }

  const arrange = (eps: Endpoint[], sortBy?: SortBy) => {
    const ordered = orderEndpoints(eps, { order, sortBy, health: ctx.health, random: ctx.random, localOnly });
    // allow_fallbacks:false without an order: the primary endpoint only.
    return prefs.allow_fallbacks === false && !order?.length ? ordered.slice(0, 1) : ordered;
  };
  const globalSort = partition === 'none' && prefs.sort !== undefined;
  const endpoints = globalSort
    ? arrange(usable.flatMap((o) => o.endpoints), usable[0]!.sortBy)
    : usable.flatMap((o) => arrange(o.endpoints, o.sortBy));

  const steps: RouteStep[] = endpoints.map((endpoint) => ({ endpoint, body: buildUpstreamBody(req, endpoint, localOnly) }));
  return { ok: true, steps };
}
