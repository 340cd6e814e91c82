import { z } from 'zod';
import { chatRequestSchema, type ChatRequest } from '../../shared/openrouter/chat-request';
import type { ChatCompletion, ChatCompletionChunk, Usage } from '../../shared/openrouter/chat-response';
import type { AttemptRecord, GenerationRecord, TokenCounts, UpstreamKind } from '../../shared/openrouter/generation';
import { adapterFor as defaultAdapterFor } from './adapters';
import { toOpenRouterUsage } from './usage/normalize';
import { engineError, type EngineError } from './errors';
import { createHealthTracker, type EndpointHealthSnapshot } from './health/endpoint-health';
import { newGenerationId } from './ids';
import { runAttempt, type AttemptOutcome } from './routing/attempt';
import { planRoute, modelList } from './routing/plan';
import { costFields, estimateTokens, tokensFromRaw, type PriceUsageHook } from './routing/record';
import { Relay, type ChunkSink } from './routing/relay';
import { backoffDelay, blamesRequest, isTransient, MAX_RETRY_AFTER_MS, type AttemptFailure, type BackoffOptions } from './routing/retry-policy';
import type { PricingLookup, RouteStep } from './routing/route-types';
import { createNodeTransport, fetchTransport, type Transport } from './routing/transport';
import type { ProviderAdapter, RawUsage, UpstreamConfig } from './types';

// The routing engine: validate → plan → try endpoints in order (failover and retry only before the first byte
// reaches the caller) → relay OpenRouter-shaped chunks → one GenerationRecord per request.

export interface EngineLogger {
  info?(event: string, meta: Record<string, unknown>): void;
  warn(event: string, meta: Record<string, unknown>): void;
}

export interface EngineOptions {
  upstreams: () => UpstreamConfig[];
  adapterFor?: (kind: UpstreamKind) => ProviderAdapter; // default: the provider adapters
  fetch?: typeof fetch; // default: node:http(s) with keep-alive (see routing/transport.ts)
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  ttftTimeoutMs?: number; // default 60 s
  maxRetries?: number; // retries of the last endpoint for transient failures, default 2
  backoff?: BackoffOptions;
  pricing?: PricingLookup;
  priceUsage?: PriceUsageHook;
  onGeneration?: (rec: GenerationRecord) => void;
  logger?: EngineLogger;
}

export interface ChatOptions {
  signal?: AbortSignal;
  /** Called for every chunk when the request has `stream: true`. Return a promise to apply backpressure. */
  onChunk?: (chunk: ChatCompletionChunk) => void | Promise<void>;
  source?: 'app' | 'local-api';
}

export type ChatResult =
  | { completion?: ChatCompletion; record: GenerationRecord; error?: undefined }
  | { error: EngineError; record: GenerationRecord; completion?: undefined };

export interface RoutePreview {
  upstreamId: string;
  provider: string;
  model: string;
  nativeModel: string;
  isByok: boolean;
}

export type Engine = ReturnType<typeof createEngine>;

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function requestedModelOf(input: unknown): string {
  const o = input as { model?: unknown; models?: unknown } | null;
  if (typeof o?.model === 'string') return o.model;
  if (Array.isArray(o?.models) && typeof o.models[0] === 'string') return o.models[0];
  return '';
}

function invalidRequest(error: z.ZodError): EngineError {
  const detail = z.prettifyError(error).replace(/\s*\n\s*/g, '; ');
  return engineError(400, `Invalid request: ${detail}`, { error_type: 'invalid_request' });
}

export function createEngine(opts: EngineOptions) {
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const nodeTransport = opts.fetch ? null : createNodeTransport();
  const transport: Transport = nodeTransport ?? fetchTransport(opts.fetch!);
  const sleep = opts.sleep ?? abortableSleep;
  const ttftTimeoutMs = opts.ttftTimeoutMs ?? 60_000;
  const maxRetries = opts.maxRetries ?? 2;
  const health = createHealthTracker({ now });
  const log = opts.logger;
  const adapterFor = opts.adapterFor ?? defaultAdapterFor;

  function plan(req: ChatRequest) {
    return planRoute(req, { upstreams: opts.upstreams(), pricing: opts.pricing, health, random });
  }

  async function chat(input: unknown, chatOpts: ChatOptions = {}): Promise<ChatResult> {
    const t0 = now();
    const id = newGenerationId(t0);
    const source = chatOpts.source ?? 'app';
    const record: GenerationRecord = {
      id,
      createdAt: t0,
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

    const finish = (result: ChatResult): ChatResult => {
      record.durationMs = now() - t0;
      if (result.error && !record.cancelled) record.error = { code: result.error.error.code, message: result.error.error.message };
      try {
        opts.onGeneration?.(record);
      } catch (err) {
        log?.warn('onGeneration threw', { id, error: (err as Error)?.name });
      }
      log?.info?.('generation', {
        id, source, model: record.model, upstreamId: record.upstreamId, status: result.error?.status ?? 200,
        attempts: record.attempts.length, promptTokens: record.tokens?.prompt, completionTokens: record.tokens?.completion,
        costMicros: record.costMicros, durationMs: record.durationMs, ttftMs: record.ttftMs, cancelled: record.cancelled,
      });
      return result;
    };

    /** A bug or a broken hook must not reject the caller's promise: it becomes a 500 with a record. */
    const internalError = (err: unknown): ChatResult => {
      log?.warn('internal error', { id, error: (err as Error)?.name ?? typeof err });
      return finish({ error: engineError(500, 'Internal error in the routing engine.', { error_type: 'server' }), record });
    };

    const parsed = chatRequestSchema.safeParse(input);
    if (!parsed.success) {
      return finish({ error: invalidRequest(parsed.error), record });
    }
    const req = parsed.data;
    if (!record.requestedModel) record.requestedModel = modelList(req)[0] ?? '';

    let routed: ReturnType<typeof plan>;
    try {
      routed = plan(req);
    } catch (err) {
      return internalError(err);
    }
    if (!routed.ok) return finish({ error: engineError(routed.status, routed.message, routed.metadata), record });

    // One controller for the whole request: the caller's signal, or a sink that throws, stops everything.
    const ctl = new AbortController();
    const onCallerAbort = () => ctl.abort();
    chatOpts.signal?.addEventListener('abort', onCallerAbort, { once: true });
    if (chatOpts.signal?.aborted) ctl.abort();
    const onChunk = chatOpts.onChunk;
    const sink: ChunkSink | undefined = req.stream === true && onChunk
      ? (chunk) => {
          try {
            const r = onChunk(chunk);
            if (r) return r.catch(() => ctl.abort());
          } catch {
            ctl.abort();
          }
        }
      : undefined;
    const relay = new Relay({ id, created: Math.floor(t0 / 1000), sink });

    try {
      return finish(await run({ req, steps: routed.steps, relay, signal: ctl.signal, record, t0 }));
    } catch (err) {
      return internalError(err);
    } finally {
      chatOpts.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  interface RunState {
    req: ChatRequest;
    steps: RouteStep[];
    relay: Relay;
    signal: AbortSignal;
    record: GenerationRecord;
    t0: number;
  }

  async function run(s: RunState): Promise<ChatResult> {
    const { req, steps, relay, signal, record } = s;
    const failures: { step: RouteStep; failure: AttemptFailure }[] = [];
    let i = 0;
    let retries = 0;
    for (;;) {
      const step = steps[i]!;
      const ep = step.endpoint;
      const attemptStart = now();
      const outcome: AttemptOutcome = await runAttempt(step, adapterFor(ep.upstream.kind), relay, signal, {
        transport, now, ttftTimeoutMs,
      });
      const attempt: AttemptRecord = {
        upstreamId: ep.upstream.id,
        provider: ep.upstream.label,
        model: ep.nativeModel,
        status: null,
        durationMs: now() - attemptStart,
      };
      record.attempts.push(attempt);

      if (outcome.type === 'failed') {
        const f = outcome.failure;
        attempt.status = f.status;
        attempt.error = f.message;
        attempt.errorType = f.kind;
        if (!blamesRequest(f)) health.recordFailure(ep.key, f.kind);
        log?.warn('attempt failed', { id: record.id, upstreamId: ep.upstream.id, model: ep.nativeModel, status: f.status, kind: f.kind });
        failures.push({ step, failure: f });
        if (signal.aborted) return cancelled(s);
        if (i + 1 < steps.length) {
          i++;
          retries = 0;
          continue;
        }
        const wait = f.retryAfterMs;
        if (isTransient(f) && retries < maxRetries && (wait === undefined || wait <= MAX_RETRY_AFTER_MS)) {
          await sleep(wait ?? backoffDelay(retries, random, opts.backoff), signal);
          if (signal.aborted) return cancelled(s);
          retries++;
          continue;
        }
        return { error: finalError(failures), record };
      }

      if (outcome.type === 'cancelled') {
        attempt.errorType = 'aborted';
        attempt.error = 'cancelled by the caller';
        return cancelled(s, step, outcome.usage, outcome.firstByteAt);
      }

      // done: the caller has seen output from this endpoint.
      attempt.status = outcome.streamError ? outcome.streamError.status : 200;
      if (outcome.streamError) {
        attempt.error = outcome.streamError.message;
        attempt.errorType = 'stream';
      }
      describeServed(record, step, relay, step !== steps[0]);
      if (outcome.upstreamGenerationId) record.upstreamGenerationId = outcome.upstreamGenerationId;
      record.ttftMs = attemptStart - s.t0 + outcome.ttftMs;
      const usage = account(req, record, step, relay, outcome.usage, outcome.streamError !== undefined);
      const genSeconds = (now() - attemptStart - outcome.ttftMs) / 1000;
      record.tokensPerSecond = record.tokens && genSeconds > 0 ? record.tokens.completion / genSeconds : null;
      if (outcome.streamError) health.recordFailure(ep.key, 'stream');
      else health.recordSuccess(ep.key, { ttftMs: outcome.ttftMs, tokensPerSecond: record.tokensPerSecond });
      if (usage && !outcome.streamError) {
        const p = relay.usage(usage);
        if (p) await p;
      }
      record.finishReason = relay.finishReason;
      record.nativeFinishReason = relay.nativeFinishReason;
      if (relay.error) record.error = { code: relay.error.code, message: relay.error.message };
      return { completion: relay.completion(usage), record };
    }
  }

  function describeServed(record: GenerationRecord, step: RouteStep, relay: Relay, fallbackUsed: boolean) {
    const u = step.endpoint.upstream;
    record.model = relay.model || step.endpoint.modelSlug;
    record.provider = relay.provider || u.label;
    record.upstreamId = u.id;
    record.upstreamKind = u.kind;
    record.isByok = u.isByok;
    record.fallbackUsed = fallbackUsed;
  }

  /** Tokens and cost into the record; returns the usage object for the caller (undefined without usage). */
  function account(req: ChatRequest, record: GenerationRecord, step: RouteStep, relay: Relay, raw: RawUsage | undefined, partial: boolean): Usage | undefined {
    const tokens: TokenCounts = raw ? tokensFromRaw(raw) : estimateTokens(req, relay.outputChars);
    record.tokens = tokens;
    if (raw?.isByok !== undefined && step.endpoint.upstream.kind === 'openrouter') record.isByok = raw.isByok;
    Object.assign(record, costFields({ raw, tokens, partial, modelSlug: step.endpoint.modelSlug, upstream: step.endpoint.upstream, variants: step.endpoint.variants, priceUsage: opts.priceUsage }));
    if (!raw) return undefined;
    const usage = toOpenRouterUsage(raw);
    const usd = record.costMicros;
    if (usd !== undefined) usage.cost = usd / 1_000_000;
    usage.is_byok = record.isByok;
    return usage;
  }

  function cancelled(s: RunState, step?: RouteStep, raw?: RawUsage, firstByteAt?: number): ChatResult {
    s.record.cancelled = true;
    if (s.relay.committed && step) {
      describeServed(s.record, step, s.relay, step !== s.steps[0]);
      account(s.req, s.record, step, s.relay, raw, true);
      if (firstByteAt !== undefined) s.record.ttftMs = firstByteAt - s.t0;
    }
    return { error: engineError(499, 'The request was cancelled by the caller.', { error_type: 'cancelled' }), record: s.record };
  }

  function finalError(failures: { step: RouteStep; failure: AttemptFailure }[]): EngineError {
    const last = failures[failures.length - 1]!;
    const f = last.failure;
    const meta: Record<string, unknown> = { error_type: f.errorType, provider_name: last.step.endpoint.upstream.label };
    if (f.status !== null) meta.provider_code = String(f.status);
    if (f.retryAfterMs !== undefined) meta.retry_after_seconds = Math.ceil(f.retryAfterMs / 1000);
    if (failures.length > 1) {
      meta.previous_errors = failures.slice(0, -1).map(({ step, failure }) => ({
        provider: step.endpoint.upstream.label,
        code: failure.code,
        status: failure.status,
      }));
    }
    return engineError(f.code, f.message, meta);
  }

  return {
    chat,
    /** Drop kept-alive upstream connections (shutdown, tests). */
    close(): void {
      nodeTransport?.close();
    },
    health(): EndpointHealthSnapshot[] {
      return health.snapshot();
    },
    /** The endpoints a request would be tried on, in order, without calling any (for UI and diagnostics). */
    preview(input: unknown): { ok: true; endpoints: RoutePreview[] } | { ok: false; error: EngineError } {
      const parsed = chatRequestSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: invalidRequest(parsed.error) };
      const routed = plan(parsed.data);
      if (!routed.ok) return { ok: false, error: engineError(routed.status, routed.message, routed.metadata) };
      return {
        ok: true,
        endpoints: routed.steps.map(({ endpoint: e }) => ({
          upstreamId: e.upstream.id, provider: e.upstream.label, model: e.modelSlug, nativeModel: e.nativeModel, isByok: e.upstream.isByok,
        })),
      };
    },
  };
}
