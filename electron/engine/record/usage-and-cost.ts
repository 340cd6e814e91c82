import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { Usage } from '../../../shared/openrouter/chat-response';
import type { GenerationRecord, PricingSnapshot, TokenCounts } from '../../../shared/openrouter/generation';
import type { Relay } from '../failover/relay';
import type { RouteStep } from '../routing/route-types';
import type { RawUsage, UpstreamConfig } from '../types';
import { toOpenRouterUsage } from '../usage/normalize';
import { costFields, estimateTokens, tokensFromRaw, type PriceUsageHook } from './cost-fields';

// Tokens, cost and the price snapshot of a served request, into its record; and the `usage` object the caller
// receives, with the same cost.

export type PriceSnapshotHook = (modelSlug: string, upstream: UpstreamConfig) => PricingSnapshot | undefined;

export interface PricingHooksForRecord {
  priceUsage?: PriceUsageHook;
  priceSnapshot?: PriceSnapshotHook;
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
  if (raw?.isByok !== undefined && upstream.kind === 'openrouter') record.isByok = raw.isByok;
  Object.assign(record, costFields({ raw, tokens, partial, modelSlug, upstream, variants, priceUsage: hooks.priceUsage }));
  try {
    const snapshot = hooks.priceSnapshot?.(record.model ?? modelSlug, upstream);
    if (snapshot) record.pricingSnapshot = snapshot;
  } catch {
    // a broken price table must not break the request; the record simply has no snapshot
  }
  if (!raw) return undefined;
  const usage = toOpenRouterUsage(raw);
  if (record.costMicros !== undefined) usage.cost = record.costMicros / 1_000_000;
  usage.is_byok = record.isByok;
  return usage;
}
