import type { UrlCitationAnnotation } from '../../shared/openrouter/annotations';
import type { ChatRequest } from '../../shared/openrouter/chat-request';
import type { ExtraUnit, TokenCounts, UpstreamKind } from '../../shared/openrouter/generation';

// The one interface every upstream adapter implements. Adapters are pure translators: they build the HTTP
// request for their wire format and turn the upstream's bytes into normalised events. Routing, retries,
// health, usage accounting and OpenRouter-shaped output live above them.

export interface UpstreamConfig {
  id: string; // stable id, e.g. "openrouter", "anthropic", "custom:ollama"
  kind: UpstreamKind;
  label: string; // shown to the user and used as the provider slug in routing ("Anthropic", "OpenRouter", "Ollama")
  baseUrl: string;
  apiKey?: string; // never logged, never in an error message
  isByok: boolean; // a direct provider key (true) vs the OpenRouter account (false)
  models?: string[]; // upstream-native ids it serves, when known (local servers, custom endpoints)
  dataCollection?: 'allow' | 'deny';
  supportsWebSearch?: boolean;
}

export interface AdapterRequest {
  upstream: UpstreamConfig;
  model: string; // upstream-native model id ("claude-sonnet-4-5", "gpt-4o", "anthropic/claude-sonnet-4.5" for OpenRouter)
  body: ChatRequest; // OpenRouter-shaped request, variant already resolved
  stream: boolean;
  /** Every configured key (all upstreams), scrubbed from error messages; default the upstream's own. */
  secrets?: readonly (string | undefined)[];
}

export interface HttpRequestSpec {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string;
}

interface UsageTotals {
  promptTokens: number; // total input including cache read and write
  completionTokens: number; // total output including reasoning
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  reportedCostUsd?: number; // OpenRouter usage.cost: what OpenRouter charged (for BYOK, only its fee)
  upstreamCostUsd?: number; // OpenRouter usage.cost_details.upstream_inference_cost: what the provider charged
  upstreamPromptCostUsd?: number; // …upstream_inference_prompt_cost and …_completions_cost: that charge split
  upstreamCompletionsCostUsd?: number;
  isByok?: boolean;
}

/** What a provider reports, converted to OpenRouter's semantics: the five totals, the billable units beside them
 * named as the generation record names them (TokenCounts: a new unit is added there), and the cost facts only a
 * router reports. */
export type RawUsage = UsageTotals & Partial<Pick<TokenCounts, ExtraUnit>>;

export type NormalizedEvent =
  | { type: 'start'; upstreamId?: string; model?: string; provider?: string }
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'reasoning_details'; details: Record<string, unknown>[] }
  | { type: 'tool_call'; index: number; id?: string; name?: string; argumentsDelta?: string }
  | { type: 'annotations'; annotations: UrlCitationAnnotation[] }
  | { type: 'usage'; usage: RawUsage }
  | { type: 'finish'; reason: 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error'; native: string | null }
  | { type: 'error'; code: number; message: string; errorType?: string };

export interface ProviderAdapter {
  kind: UpstreamKind;
  buildRequest(req: AdapterRequest): HttpRequestSpec;
  /** Parse a streaming body. Must tolerate any byte split, comments and keep-alives; must report a stream that
   * ends without its terminal event as an `error` event. */
  parseStream(body: AsyncIterable<Uint8Array>, req: AdapterRequest): AsyncIterable<NormalizedEvent>;
  /** The same events as `parseStream`, grouped by the read of the body that completed them. Optional: the engine
   * handles a batch without an await per event, which matters for fast streams. */
  parseStreamBatches?(body: AsyncIterable<Uint8Array>, req: AdapterRequest): AsyncIterable<NormalizedEvent[]>;
  /** Parse a non-streaming JSON body into the same events, in order. */
  parseResponse(json: unknown, req: AdapterRequest): NormalizedEvent[];
}
