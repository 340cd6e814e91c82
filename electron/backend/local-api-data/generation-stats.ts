import type { GenerationRecord } from '../../../shared/openrouter/generation';

// GET /generation?id= for the local API, from Parley's own record of the request (docs/openrouter-api.md §4.3,
// §12.4). The cost is the one the usage ledger counts: what OpenRouter billed once reconciled, else Parley's
// figure. Fields Parley does not know are null.

export function generationStats(record: GenerationRecord, billedMicros?: number): Record<string, unknown> {
  const micros = billedMicros ?? record.costMicros;
  const cost = micros === undefined ? null : micros / 1e6;
  const t = record.tokens;
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
    upstream_inference_cost: record.isByok ? cost : null,
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
  };
}
