import type { GenerationRecord } from '../../../shared/openrouter/generation';
import { usageCostOf } from '../../engine';
import { INTERRUPTED_ESTIMATE, isInterruptedEstimate, shownCost } from '../../../shared/billing/shown-cost';
import { isRouterKind } from '../../../shared/providers/upstream-kinds';

// GET /generation?id= for the local API, from Parley's own record of the request (docs/openrouter-api.md §4.3,
// §12.4), with OpenRouter's money semantics, the same as the answer's `usage`: `total_cost` is what OpenRouter
// charged (its bill once reconciled), 0 on a direct provider key; `upstream_inference_cost` is the provider's
// charge for BYOK. Every field of OpenRouter's schema is there; those Parley does not know are null.
// `parley_cost_note` (Parley's own) says when the figures are estimates: "estimated", or "estimated (interrupted)"
// for a request Parley was stopped in the middle of.

const toNumber = (usd: string | null | undefined): number | null => (usd === undefined || usd === null ? null : Number(usd));

/** Each upstream Parley tried, in order, as OpenRouter lists the providers it tried. */
function providerResponses(record: GenerationRecord): Record<string, unknown>[] {
  return record.attempts.map((a) => ({ provider_name: a.provider, status: a.status, latency: a.durationMs }));
}

export function generationStats(record: GenerationRecord, billedMicros?: number): Record<string, unknown> {
  const money = usageCostOf(record, { kind: record.upstreamKind ?? 'openrouter', isByok: record.isByok });
  const billedTotal = isRouterKind(record.upstreamKind) && !record.isByok && billedMicros !== undefined ? billedMicros / 1e6 : undefined;
  // OpenRouter's schema has no "unknown" charge; like the usage ledger, an unpriced request counts as 0.
  const cost = billedTotal ?? toNumber(money.cost) ?? 0;
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
    native_tokens_completion_images: t?.imageOut ?? null,
    num_search_results: null,
    num_fetches: null,
    num_media_prompt: null,
    num_media_completion: null,
    num_input_audio_prompt: null,
    provider_responses: providerResponses(record),
    router: null,
    service_tier: null,
    web_search_engine: null,
    moderation_latency: null,
    data_region: 'global', // Parley applies no region policy
    http_referer: null,
    user_agent: null,
    external_user: null,
    preset_id: null,
    workspace_id: null,
    parley_cost_note: isInterruptedEstimate(shown) ? INTERRUPTED_ESTIMATE : shown.source === 'estimated' ? 'estimated' : null,
  };
}
