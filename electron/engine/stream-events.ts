import type { UrlCitationAnnotation } from '../../shared/openrouter/annotations';
import type { ErrorBody, FinishReason, Usage } from '../../shared/openrouter/chat-response';

// What a streaming caller of the engine receives, in order, once an endpoint has produced output: `start`
// (the endpoint is committed: no failover after this), content events, `finish`, then either `usage` or a
// mid-stream `error`. In-process callers (the stream manager) consume these directly; the local API turns them
// into OpenRouter chunks at the HTTP edge (api/openrouter-chunks.ts).

export type EngineEvent =
  | { type: 'start'; id: string; created: number; model: string; provider: string }
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'reasoning_details'; details: Record<string, unknown>[] }
  | { type: 'tool_call'; index: number; id?: string; name?: string; argumentsDelta?: string }
  | { type: 'annotations'; annotations: UrlCitationAnnotation[] } // web search sources (url_citation)
  | { type: 'finish'; reason: FinishReason; native: string | null }
  | { type: 'error'; error: ErrorBody }
  | { type: 'usage'; usage: Usage };

/** Return a promise to apply backpressure: the engine waits for it before reading more from the upstream. */
export type EngineEventSink = (event: EngineEvent) => void | Promise<void>;
