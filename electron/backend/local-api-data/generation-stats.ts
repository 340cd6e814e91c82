import type { GenerationRecord } from '../../../shared/openrouter/generation';
import { usageCostOf } from '../../engine';
import { INTERRUPTED_ESTIMATE, isInterruptedEstimate, shownCost } from '../../../shared/billing/shown-cost';

// GET /generation?id= for the local API, from Parley's own record of the request (docs/openrouter-api.md §4.3,
// §12.4), with OpenRouter's money semantics, the same as the answer's `usage`: `total_cost` is what OpenRouter
// charged (its bill once reconciled), 0 on a direct provider key; `upstream_inference_cost` is the provider's
// charge for BYOK. Fields Parley does not know are null. `parley_cost_note` (Parley's own) says when the figures are
// estimates: "estimated", or "estimated (interrupted)" for a request Parley was stopped in the middle of.

const toNumber = (usd: string | null | undefined): number | null => (usd === undefined || usd === null ? null : Number(usd));

export function generationStats(record: GenerationRecord, billedMicros?: number): Record<string, unknown> {
  const money = usageCostOf(record, { kind: record.upstreamKind ?? 'openrouter', isByok: record.isByok });
  const billedTotal = record.upstreamKind === 'openrouter' && !record.isByok && billedMicros !== undefined ? billedMicros / 1e6 : undefined;
  const cost = billedTotal ?? toNumber(money.cost);
  const t = record.tokens;
  const shown = shownCost(record);
  return {
    id: record.id,
    upstream_id: record.upstreamGenerationId ?? null,
    created_at: new Date(record.createdAt).toISOString(),
    model: record.model ?? record.requestedModel,
    provider_name: record.provider,
    api_type: 'completions',
    origin: '',
    app_id: null,
    total_cost: cost,
    usage: cost,
    upstream_inference_cost: record.isByok ? toNumber(money.upstreamInferenceCost) : null,
    cache_discount: null,
    is_byok: record.isByok,
    streamed: record.streamed,
    cancelled: record.cancelled,
    latency: record.ttftMs,
    generation_time: record.durationMs,
    finish_reason: record.finishReason,
    native_finish_reason: record.nativeFinishReason,
    tokens_prompt: t?.prompt ?? null,
    tokens_completion: t?.completion ?? null,
    native_tokens_prompt: t?.prompt ?? null,
    native_tokens_completion: t?.completion ?? null,
    native_tokens_reasoning: t?.reasoning ?? null,
    native_tokens_cached: t?.cacheRead ?? null,
    num_search_results: null,
    parley_cost_note: isInterruptedEstimate(shown) ? INTERRUPTED_ESTIMATE : shown.source === 'estimated' ? 'estimated' : null,
  };
}
