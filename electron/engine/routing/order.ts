import type { HealthTracker } from '../health/endpoint-health';
import type { Endpoint, PriceInfo } from './route-types';
import { upstreamNames } from './providers';
import { isRouter } from '../providers/registry';

// The order endpoints are tried in (docs/openrouter-api.md §7): BYOK first; `provider.order` as given;
// `sort` by price / throughput / latency; otherwise load-balanced by inverse square of price. Endpoints that
// failed in the last 30 s go to the back unless an explicit order was given.

export type SortBy = 'price' | 'throughput' | 'latency';

export interface OrderOptions {
  order?: string[]; // lowercased provider names
  sortBy?: SortBy;
  health: HealthTracker;
  random: () => number;
  localOnly: ReadonlySet<string>;
}

const UNLISTED = 1e9;

export const blendedPrice = (p: PriceInfo): number => p.promptPerMTok + p.completionPerMTok;

/** Position of an endpoint in `provider.order`; OpenRouter matches its own names and any provider it can serve. */
export function orderIndex(ep: Endpoint, order: readonly string[], localOnly: ReadonlySet<string>): number {
  const names = upstreamNames(ep.upstream);
  const router = isRouter(ep.upstream);
  const i = order.findIndex((n) => names.has(n) || (router && !localOnly.has(n)));
  return i < 0 ? UNLISTED : i;
}

export function namesOpenRouterExplicitly(order: readonly string[], eps: readonly Endpoint[]): boolean {
  return eps.some((ep) => isRouter(ep.upstream) && order.some((n) => upstreamNames(ep.upstream).has(n)));
}

const byokRank = (ep: Endpoint) => (ep.upstream.isByok ? 0 : 1);

function stableSort<T>(xs: readonly T[], cmp: (a: T, b: T) => number): T[] {
  return xs.map((x, i) => [x, i] as const).sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1]).map(([x]) => x);
}

function metric(ep: Endpoint, by: SortBy, health: HealthTracker): number | null {
  if (by === 'price') return ep.price ? blendedPrice(ep.price) : null;
  if (by === 'latency') return health.ttftMs(ep.key);
  const tps = health.tokensPerSecond(ep.key);
  return tps === null ? null : -tps; // higher throughput first
}

function sortByMetric(eps: Endpoint[], by: SortBy, health: HealthTracker): Endpoint[] {
  return stableSort(eps, (a, b) => {
    const ma = metric(a, by, health);
    const mb = metric(b, by, health);
    if (ma === null || mb === null) return ma === mb ? 0 : ma === null ? 1 : -1;
    return ma - mb;
  });
}

/** Zero-priced endpoints first (random among them), then priced ones drawn with weight 1/price², then endpoints
 * of unknown price in configuration order. */
function weightedByPrice(eps: Endpoint[], random: () => number): Endpoint[] {
  const free = eps.filter((e) => e.price && blendedPrice(e.price) === 0);
  const priced = eps.filter((e) => e.price && blendedPrice(e.price) > 0);
  const unknown = eps.filter((e) => !e.price);
  const out: Endpoint[] = [];
  while (free.length > 0) out.push(free.splice(Math.floor(random() * free.length) % free.length, 1)[0]!);
  while (priced.length > 0) {
    const weights = priced.map((e) => 1 / blendedPrice(e.price!) ** 2);
    let r = random() * weights.reduce((a, b) => a + b, 0);
    let i = 0;
    while (i < priced.length - 1 && r >= weights[i]!) r -= weights[i++]!;
    out.push(priced.splice(i, 1)[0]!);
  }
  return [...out, ...unknown];
}

export function orderEndpoints(eps: readonly Endpoint[], o: OrderOptions): Endpoint[] {
  if (eps.length < 2) return eps.slice(); // one endpoint: every order is the same
  if (o.order && o.order.length > 0) {
    const order = o.order;
    const idx = (ep: Endpoint) => orderIndex(ep, order, o.localOnly);
    // BYOK still goes first unless the order names OpenRouter itself, which is the caller saying otherwise.
    return namesOpenRouterExplicitly(order, eps)
      ? stableSort(eps, (a, b) => idx(a) - idx(b) || byokRank(a) - byokRank(b))
      : stableSort(eps, (a, b) => byokRank(a) - byokRank(b) || idx(a) - idx(b));
  }
  const arrange = (xs: Endpoint[]) => (o.sortBy ? sortByMetric(xs, o.sortBy, o.health) : weightedByPrice(xs, o.random));
  const groups = [eps.filter((e) => e.upstream.isByok), eps.filter((e) => !e.upstream.isByok)];
  return groups.flatMap((g) => {
    const healthy = g.filter((e) => !o.health.recentlyFailed(e.key));
    const failed = g.filter((e) => o.health.recentlyFailed(e.key));
    return [...arrange(healthy), ...arrange(failed)];
  });
}
