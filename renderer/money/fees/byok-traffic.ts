import { computeCost } from '../../../shared/billing/cost';
import type { ByokTraffic } from '../../../shared/billing/byok-fees';
import type { ModelPricing } from '../../../shared/catalog/types';
import type { LedgerRow } from '../ledger/types';

// Which ledger rows are BYOK traffic the fee comparison can price: requests sent straight to a provider with
// the user's own key (isByok, not through OpenRouter), with a provider cost Parley knows and an OpenRouter list
// price for the same model. Free calls (local servers, free models) have nothing to compare and are left out.

export interface ByokTrafficSummary {
  traffic: ByokTraffic;
  skipped: { free: number; noProviderCost: number; noListPrice: number };
}

export function isDirectByok(r: LedgerRow): boolean {
  return r.isByok && r.upstreamKind !== 'openrouter';
}

export function byokTrafficOf(rows: readonly LedgerRow[], listPricing: (slug: string) => ModelPricing | undefined): ByokTrafficSummary {
  const traffic: ByokTraffic = { requests: 0, providerCostMicros: 0, listPriceMicros: 0 };
  const skipped = { free: 0, noProviderCost: 0, noListPrice: 0 };
  for (const r of rows) {
    if (!isDirectByok(r)) continue;
    if (r.costReason === 'free') {
      skipped.free += 1;
      continue;
    }
    if (typeof r.costMicros !== 'number') {
      skipped.noProviderCost += 1;
      continue;
    }
    const slug = r.model ?? r.requestedModel;
    const t = r.tokens;
    const list = t ? computeCost({ prompt: t.prompt, completion: t.completion, cacheRead: t.cacheRead, cacheWrite: t.cacheWrite, reasoning: t.reasoning }, listPricing(slug)) : undefined;
    if (list?.micros === undefined) {
      skipped.noListPrice += 1;
      continue;
    }
    traffic.requests += 1;
    traffic.providerCostMicros += r.costMicros;
    traffic.listPriceMicros += list.micros;
  }
  return { traffic, skipped };
}
