import { computeCost } from '../../../shared/billing/cost';
import { exactMicrosToUsd } from '../../../shared/billing/money';
import type { ModelPricing } from '../../../shared/catalog/types';
import type { GenerationRecord, PricingSnapshot, TokenCounts, UpstreamKind } from '../../../shared/openrouter/generation';

// The ledger row for a request that started but never finished (the process was killed, the machine lost power),
// made at the next start from what the generation journal kept of it: counts and prices, never text. When an
// endpoint had started answering, the row carries estimated tokens (the prompt's, counted when it arrived, and
// the output's, counted as it was relayed) priced at that endpoint's catalog price: money spent is never shown as
// nothing. The figure is an estimate, marked so (`tokens.estimated`, costReason 'interrupted').

/** What is known of a request when it starts: enough for a ledger row if Parley dies before it finishes. */
export type StartedRequest = Pick<GenerationRecord, 'id' | 'createdAt' | 'requestedModel' | 'source' | 'streamed' | 'appKeyId'> & {
  promptTokens?: number; // estimated with the o200k tokenizer (journals before the endpoint's facts held it here)
};

/** The endpoint that answered, and the price it would have been billed at. */
export interface ServedFacts {
  model: string;
  provider: string;
  upstreamId: string;
  upstreamKind: UpstreamKind;
  isByok: boolean;
  promptTokens?: number; // the prompt's tokens, estimated with the o200k tokenizer once an endpoint answered
  free?: boolean; // a local model server: nothing to pay
  pricing?: ModelPricing; // the catalog's price list for the model there, when it has one
  pricingSnapshot?: PricingSnapshot;
}

/** What the journal knows of an unfinished request. */
export interface UnfinishedRequest {
  started: StartedRequest;
  served?: ServedFacts;
  completionTokens?: number; // of the output relayed, as last journaled
  lastAt?: number; // when the journal last heard of it (ms epoch)
}

export const INTERRUPTED_MESSAGE = 'Interrupted: Parley stopped before this request finished, so its usage and cost are unknown';
export const INTERRUPTED_ESTIMATED_MESSAGE =
  'Interrupted: Parley stopped before this request finished; its usage and cost are estimated from the prompt and the output relayed until then';

export function interruptedRecord(u: UnfinishedRequest): GenerationRecord {
  const s = u.started;
  const record: GenerationRecord = {
    id: s.id, createdAt: s.createdAt, requestedModel: s.requestedModel, model: null, upstreamId: null, upstreamKind: null, provider: null,
    attempts: [], tokens: null, costSource: 'none', costReason: 'interrupted', ttftMs: null, durationMs: 0, tokensPerSecond: null,
    finishReason: 'error', nativeFinishReason: null, isByok: false, streamed: s.streamed, cancelled: false, fallbackUsed: false,
    source: s.source, error: { code: 500, message: INTERRUPTED_MESSAGE },
  };
  if (s.appKeyId !== undefined) record.appKeyId = s.appKeyId;
  const served = u.served;
  if (!served) return record; // killed before any endpoint answered: nothing is known to have been billed

  const tokens: TokenCounts = { prompt: served.promptTokens ?? s.promptTokens ?? 0, completion: u.completionTokens ?? 0, cacheRead: 0, cacheWrite: 0, reasoning: 0, estimated: true };
  Object.assign(record, {
    model: served.model, provider: served.provider, upstreamId: served.upstreamId, upstreamKind: served.upstreamKind, isByok: served.isByok,
    tokens, durationMs: Math.max(0, (u.lastAt ?? s.createdAt) - s.createdAt),
    error: { code: 500, message: INTERRUPTED_ESTIMATED_MESSAGE },
  } satisfies Partial<GenerationRecord>);
  if (served.pricingSnapshot) record.pricingSnapshot = served.pricingSnapshot;
  if (served.free) {
    Object.assign(record, { computedCostMicros: 0, computedCostUsd: '0', costMicros: 0, costSource: 'computed' } satisfies Partial<GenerationRecord>);
    return record;
  }
  const cost = computeCost({ prompt: tokens.prompt, completion: tokens.completion, estimated: true }, served.pricing, { at: s.createdAt, aborted: true });
  if (cost.micros === undefined) {
    record.costDetail = 'no price known for this model: the estimated tokens could not be priced';
    return record;
  }
  record.computedCostMicros = cost.micros;
  record.costMicros = cost.micros;
  record.costSource = 'computed';
  const exact = cost.exactMicros !== undefined ? exactMicrosToUsd(cost.exactMicros) : undefined;
  if (exact !== undefined) record.computedCostUsd = exact;
  if (cost.breakdown.length) {
    record.costLines = cost.breakdown.slice(0, 32).map((l) => ({ component: l.component, units: l.units, unit: l.unit, rateMicrosPerUnit: l.rateMicrosPerUnit, micros: l.micros }));
  }
  record.costDetail = 'estimated (interrupted): tokens counted from the prompt and the output relayed before Parley stopped';
  return record;
}
