import type { GenerationRecord } from '../../../shared/openrouter/generation';
import type { Relay } from '../failover/relay';
import type { RouteStep } from '../routing/route-types';

// The generation record every request yields, from the moment it arrives to the endpoint that served it.

function requestedModelOf(input: unknown): string {
  const o = input as { model?: unknown; models?: unknown } | null;
  if (typeof o?.model === 'string') return o.model;
  if (Array.isArray(o?.models) && typeof o.models[0] === 'string') return o.models[0];
  return '';
}

export function newGenerationRecord(id: string, createdAt: number, input: unknown, source: GenerationRecord['source']): GenerationRecord {
  return {
    id,
    createdAt,
    requestedModel: requestedModelOf(input),
    model: null,
    upstreamId: null,
    upstreamKind: null,
    provider: null,
    attempts: [],
    tokens: null,
    costSource: 'none',
    ttftMs: null,
    durationMs: 0,
    tokensPerSecond: null,
    finishReason: null,
    nativeFinishReason: null,
    isByok: false,
    streamed: (input as { stream?: unknown } | null)?.stream === true,
    cancelled: false,
    fallbackUsed: false,
    source,
  };
}

/** Which endpoint served the request, as the caller saw it. */
export function describeServed(record: GenerationRecord, step: RouteStep, relay: Relay, fallbackUsed: boolean): void {
  const u = step.endpoint.upstream;
  record.model = relay.model || step.endpoint.modelSlug;
  record.provider = relay.provider || u.label;
  record.upstreamId = u.id;
  record.upstreamKind = u.kind;
  record.isByok = u.isByok;
  record.fallbackUsed = fallbackUsed;
}
