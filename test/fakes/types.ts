import type { UpstreamConfig } from '../../electron/engine/types';

export type FakeKind = 'openai' | 'openrouter' | 'anthropic' | 'gemini';
export type FakeKindInput = FakeKind | 'openai-compatible';

/** What the fake answers, described in normalised terms; each fake renders it in its provider's wire format. */
export interface FakeReply {
  /** A string is split into word-sized chunks; an array is sent one element per chunk. */
  text?: string | string[];
  reasoning?: string | string[];
  /** Gemini ignores `id` (it never sends ids). `arguments` as JSON text or an object. `thoughtSignature`: Gemini
   * only, sent on the call's part as Gemini 3 models do (the next request must send it back on that part). */
  /** Generated images as data: URLs (`data:image/png;base64,…`), one frame each after the text: OpenRouter and
   * OpenAI-style wires send `delta.images`, Gemini an `inlineData` part. */
  images?: string[];
  toolCalls?: { id?: string; name: string; arguments: string | Record<string, unknown>; thoughtSignature?: string }[];
  /** Normalised counts (prompt includes cache read/write, completion includes reasoning); the fake converts
   * them to the provider's semantics. null = send no usage at all. Default: derived from the chunk counts. */
  usage?: FakeUsage | null;
  /** Native finish reason ("stop", "end_turn", "STOP", "MAX_TOKENS", …). Default: the provider's normal stop,
   * or its tool-call reason when there are tool calls. */
  finishReason?: string;
  model?: string; // default: the model the request asked for
  id?: string; // message / response id
  provider?: string; // OpenRouter `provider` field, default "FakeProvider"
}

export interface FakeUsage {
  prompt?: number;
  completion?: number;
  cacheRead?: number;
  cacheWrite?: number;
  reasoning?: number;
  cost?: number; // OpenRouter usage.cost (USD)
  isByok?: boolean; // OpenRouter usage.is_byok
  upstreamCost?: number; // OpenRouter usage.cost_details.upstream_inference_cost (USD): the provider's charge for BYOK
  cacheWrite1h?: number; // Anthropic: the part of cacheWrite written with the 1-hour TTL (cache_creation.ephemeral_1h_input_tokens)
  imageOut?: number; // output tokens that were images (part of completion): completion_tokens_details.image_tokens / Gemini candidatesTokensDetails IMAGE
  webSearchRequests?: number; // Anthropic server_tool_use.web_search_requests / OpenRouter server_tool_use
}

export interface FakeErrorSpec {
  message?: string;
  /** Provider error type/code: OpenAI `type`, Anthropic `error.type`, Google `status`, OpenRouter `metadata.error_type`. */
  type?: string;
  code?: string; // OpenAI `error.code` (e.g. "insufficient_quota")
  /** Google only: add a RetryInfo detail with this delay in seconds. */
  retryDelaySeconds?: number;
}

/** One scripted response. Fault counts are SSE frames written before the fault (prelude comments excluded). */
export interface FakeScript {
  status?: number; // default 200; >= 400 sends a provider-shaped error body (see `error`)
  headers?: Record<string, string>;
  error?: FakeErrorSpec;
  retryAfter?: number | string; // Retry-After header (seconds or HTTP date)
  retryAfterMs?: number; // retry-after-ms header
  /** Reply from a recorded fixture: a path relative to test/fixtures/provider-streams (or absolute).
   * *.chunks.txt is framed for this fake's wire; *.json is sent as the body. */
  fixture?: string;
  reply?: FakeReply;
  /** Exact body text (overrides fixture/reply/error). For streams: written as-is, split per `frames` if given. */
  body?: string;
  /** Raw SSE frames (complete, with their terminators) to stream instead of a rendered reply. */
  frames?: string[];
  stream?: boolean; // default: what the request asked for
  // ---- faults ----
  stallBeforeHeadersMs?: number; // Infinity = until the client gives up
  resetBeforeHeaders?: boolean; // destroy the socket without answering
  stallAfterChunks?: { after: number; ms?: number }; // ms undefined = until the client gives up
  resetAfterChunks?: number; // socket.destroy() mid-stream
  malformedAfterChunks?: number; // insert a frame with broken JSON, then continue
  endAfterChunks?: number; // end the response cleanly, dropping the rest (truncated stream)
  omitTerminal?: boolean; // no [DONE] / message_stop / Gemini finishReason
  midStreamError?: { after: number; status?: number; message?: string; type?: string }; // provider-shaped error frame, then end
  keepAliveEvery?: number; // a keep-alive (comment, or Anthropic ping) every N frames
  // ---- pacing ----
  tokensPerSecond?: number; // frames per second; unset = as fast as the socket takes them
  chunksPerWrite?: number; // frames coalesced into one socket write (default 1)
  generationId?: string; // OpenRouter X-Generation-Id (default gen-fake-<n>)
}

export interface RecordedRequest {
  method: string;
  path: string; // without query
  url: string; // path + query
  query: Record<string, string>;
  headers: Record<string, string>; // lower-case names
  rawBody: string;
  body: unknown; // parsed JSON, or undefined
  receivedAt: number;
}

export type ScriptSource = FakeScript | ((req: RecordedRequest) => FakeScript);

export interface FakeUpstream {
  kind: FakeKind;
  /** Base URL in the shape Parley's upstream config uses (…/v1 for OpenAI, …/api/v1 for OpenRouter, origin for
   * Anthropic and Gemini). */
  url: string;
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** Scripts used by the next requests, in order; when the queue is empty the default answers. */
  enqueue(...scripts: ScriptSource[]): void;
  setDefault(script: ScriptSource): void;
  /** Clear the queue and recorded requests; the default goes back to a short text reply. */
  reset(): void;
  /** An UpstreamConfig pointing at this fake. */
  upstream(overrides?: Partial<UpstreamConfig>): UpstreamConfig;
  close(): Promise<void>;
}

export interface StartFakeOptions {
  requireKey?: string; // answer 401 unless the request carries this key the provider's way
  models?: string[]; // served on GET …/models (default ["fake-model"])
  defaultScript?: ScriptSource;
  /** How long an idle kept-alive connection stays open (default 1 s, so tests end fast). Node's client agent
   * drops sockets whose server advertises 1 s at once, so benchmarks that want reuse, as with real providers,
   * set more. */
  keepAliveTimeoutMs?: number;
}
