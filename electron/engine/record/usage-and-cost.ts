import { microsToUsd } from '../../../shared/billing/money';
import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { Usage } from '../../../shared/openrouter/chat-response';
import type { GenerationRecord, PricingSnapshot, TokenCounts } from '../../../shared/openrouter/generation';
import type { Relay } from '../failover/relay';
import type { RouteStep } from '../routing/route-types';
import type { RawUsage, UpstreamConfig } from '../types';
import { toOpenRouterUsage, type UsageCost } from '../usage/normalize';
import { costFields, estimateTokens, tokensFromRaw, type CostFields, type PriceUsageHook } from './cost-fields';
import { isRouter } from '../providers/registry';

// Tokens, cost and the price snapshot of a served request, into its record; and the `usage` object the caller
// receives, with OpenRouter's money semantics.

export type PriceSnapshotHook = (modelSlug: string, upstream: UpstreamConfig, variants?: readonly string[]) => PricingSnapshot | undefined;

export interface PricingHooksForRecord {
  priceUsage?: PriceUsageHook;
  priceSnapshot?: PriceSnapshotHook;
}

/**
 * The caller's usage money (docs/openrouter-api.md §3), at the precision the upstream reported: through
 * OpenRouter, `cost` is what OpenRouter charged and, for BYOK, `cost_details.upstream_inference_cost` what the
 * provider charged; on a direct key Parley charges nothing, so `cost` is 0 and the provider's charge (Parley's
 * price) is the upstream cost, null when unknown.
 */
export function usageCostOf(record: Pick<GenerationRecord, 'upstreamKind' | 'isByok'> & CostFields, upstream: Pick<UpstreamConfig, 'kind' | 'isByok'>): UsageCost {
  const computed = record.computedCostUsd ?? (record.computedCostMicros !== undefined ? microsToUsd(record.computedCostMicros) : undefined);
  if (isRouter(upstream)) {
    const cost = record.reportedCostUsd ?? (record.isByok ? undefined : computed);
    const out: UsageCost = { isByok: record.isByok };
    if (cost !== undefined) out.cost = cost;
    if (record.isByok) out.upstreamInferenceCost = record.upstreamCostUsd ?? computed ?? null;
    if (record.costLines) out.lines = record.costLines;
    return out;
  }
  return { cost: '0', isByok: upstream.isByok, upstreamInferenceCost: computed ?? null, ...(record.costLines ? { lines: record.costLines } : {}) };
}

/** Returns the usage object for the caller (undefined when the upstream reported none). */
export function recordUsageAndCost(
  hooks: PricingHooksForRecord,
  req: ChatRequest,
  record: GenerationRecord,
  step: RouteStep,
  relay: Relay,
  raw: RawUsage | undefined,
  partial: boolean,
): Usage | undefined {
  const { upstream, modelSlug, variants } = step.endpoint;
  const tokens: TokenCounts = raw ? tokensFromRaw(raw) : estimateTokens(req, relay.outputChars);
  record.tokens = tokens;
  if (raw?.isByok !== undefined && isRouter(upstream)) record.isByok = raw.isByok;
  Object.assign(record, costFields({ raw, tokens, partial, modelSlug, upstream, variants, priceUsage: hooks.priceUsage, at: record.createdAt }));
  try {
    const snapshot = hooks.priceSnapshot?.(record.model ?? modelSlug, upstream, variants);
    if (snapshot) record.pricingSnapshot = snapshot;
  } catch {
    // a broken price table must not break the request; the record simply has no snapshot
  }
  if (!raw) return undefined;
  return toOpenRouterUsage(raw, usageCostOf(record, upstream));
}

/** A request that failed, yet whose provider(s) reported usage: priced, because some providers bill failed
 * requests, and marked so. Several such attempts add up. */
export function recordChargedFailure(hooks: PricingHooksForRecord, record: GenerationRecord, charged: { step: RouteStep; raw: RawUsage }[]): void {
  if (charged.length === 0) return;
  const parts = charged.map(({ step, raw }) => ({
    tokens: tokensFromRaw(raw),
    cost: costFields({ raw, tokens: tokensFromRaw(raw), partial: false, modelSlug: step.endpoint.modelSlug, upstream: step.endpoint.upstream, variants: step.endpoint.variants, priceUsage: hooks.priceUsage, at: record.createdAt, failed: true }),
  }));
  if (parts.length === 1) {
    record.tokens = parts[0]!.tokens;
    Object.assign(record, parts[0]!.cost);
    return;
  }
  const sum = (pick: (c: CostFields) => number | undefined): number | undefined =>
    parts.every((p) => pick(p.cost) !== undefined) ? parts.reduce((n, p) => n + pick(p.cost)!, 0) : undefined;
  const t = parts.map((p) => p.tokens);
  record.tokens = {
    prompt: t.reduce((n, x) => n + x.prompt, 0),
    completion: t.reduce((n, x) => n + x.completion, 0),
    cacheRead: t.reduce((n, x) => n + x.cacheRead, 0),
    cacheWrite: t.reduce((n, x) => n + x.cacheWrite, 0),
    reasoning: t.reduce((n, x) => n + x.reasoning, 0),
  };
  const costMicros = sum((c) => c.costMicros);
  Object.assign(record, {
    costSource: parts.every((p) => p.cost.costSource === 'upstream') ? 'upstream' : costMicros !== undefined ? 'computed' : 'none',
    costReason: 'charged-on-error',
    costDetail: `${parts.length} failed attempts reported usage`,
    ...(costMicros !== undefined ? { costMicros } : {}),
  } satisfies Partial<GenerationRecord>);
}
