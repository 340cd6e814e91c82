import { computeCost } from '../../../shared/billing/cost';
import type { ByokTraffic } from '../../../shared/billing/byok-fees';
import { shownCost } from '../../../shared/billing/shown-cost';
import type { ModelPricing } from '../../../shared/catalog/types';
import type { TokenCounts } from '../../../shared/openrouter/generation';
import type { LedgerRow } from '../../history/db/ledger-types';
import { isRouterKind } from '../../../shared/providers/upstream-kinds';

// The user's real month of traffic, for the fee comparison: every priced request, whichever way it was paid —
// straight to a provider with the user's key, with the user's key through OpenRouter (BYOK, the traffic that
// uses up the monthly fee-free allowance), or on OpenRouter credits. Each request is valued twice:
//   at the providers' prices — what it costs paid directly: the provider's charge for direct and BYOK requests;
//     for credits, the list price (OpenRouter passes providers' list prices through without markup);
//   at OpenRouter's list price — its tokens (cached ones at the cache price) × the catalog's prices.
// Free requests (local servers, free models) and requests without a known price are left out and counted.

export type TrafficKind = 'direct' | 'byokOpenRouter' | 'credits';

export interface TrafficPart extends ByokTraffic {
  paidMicros: number; // what these requests cost the user, as the ledger shows it
}

export interface TrafficSummary {
  traffic: ByokTraffic; // all of it
  byKind: Record<TrafficKind, TrafficPart>;
  /** The list price of BYOK requests through OpenRouter this month: what counts against the fee-free allowance. */
  allowanceUsedMicros: number;
  /** OpenRouter's BYOK fees actually charged this month. */
  feesPaidMicros: number;
  skipped: { free: number; noProviderCost: number; noListPrice: number };
}

export function trafficKind(r: LedgerRow): TrafficKind {
  if (!isRouterKind(r.upstreamKind)) return 'direct';
  return r.isByok ? 'byokOpenRouter' : 'credits';
}

const usageOf = (t: TokenCounts) => ({ ...t });
const emptyPart = (): TrafficPart => ({ requests: 0, providerCostMicros: 0, listPriceMicros: 0, paidMicros: 0 });

export function byokTrafficOf(rows: readonly LedgerRow[], listPricing: (slug: string) => ModelPricing | undefined): TrafficSummary {
  const byKind: Record<TrafficKind, TrafficPart> = { direct: emptyPart(), byokOpenRouter: emptyPart(), credits: emptyPart() };
  const skipped = { free: 0, noProviderCost: 0, noListPrice: 0 };
  let allowanceUsedMicros = 0;
  let feesPaidMicros = 0;
  for (const r of rows) {
    const shown = shownCost(r);
    if (shown.reason === 'free' || shown.reason === 'not-sent' || shown.reason === 'failed') {
      if (shown.reason === 'free') skipped.free += 1;
      continue;
    }
    const kind = trafficKind(r);
    const providerCost = kind === 'credits' ? undefined : kind === 'byokOpenRouter' ? (shown.parts?.providerMicros ?? r.computedCostMicros) : shown.micros;
    if (shown.micros === undefined || (kind !== 'credits' && providerCost === undefined)) {
      skipped.noProviderCost += 1;
      continue;
    }
    const slug = r.model ?? r.requestedModel;
    const list = r.tokens ? computeCost(usageOf(r.tokens), listPricing(slug), { at: r.createdAt }).micros : undefined;
    if (list === undefined) {
      skipped.noListPrice += 1;
      continue;
    }
    const part = byKind[kind];
    part.requests += 1;
    part.listPriceMicros += list;
    part.providerCostMicros += kind === 'credits' ? list : providerCost!;
    part.paidMicros += shown.micros;
    if (kind === 'byokOpenRouter') {
      allowanceUsedMicros += list;
      feesPaidMicros += shown.parts?.feeMicros ?? r.reportedCostMicros ?? 0;
    }
  }
  const traffic: ByokTraffic = { requests: 0, providerCostMicros: 0, listPriceMicros: 0 };
  for (const p of Object.values(byKind)) {
    traffic.requests += p.requests;
    traffic.providerCostMicros += p.providerCostMicros;
    traffic.listPriceMicros += p.listPriceMicros;
  }
  return { traffic, byKind, allowanceUsedMicros, feesPaidMicros, skipped };
}
