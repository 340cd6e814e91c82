import { z } from 'zod';
import type { ChatRequest } from '../../shared/openrouter/chat-request';
import type { ChatCompletion } from '../../shared/openrouter/chat-response';
import type { GenerationRecord, UpstreamKind } from '../../shared/openrouter/generation';
import { Canceller, type AbortLike } from './cancel';
import { engineError, type EngineError } from './errors';
import { runRoute } from './failover/run-route';
import { Relay } from './failover/relay';
import type { BackoffOptions } from './failover/retry-policy';
import { createNodeTransport, fetchTransport, type Transport } from './failover/transport';
import { createHealthTracker, type EndpointHealthSnapshot } from './health/endpoint-health';
import { newGenerationId } from './ids';
import { adapterFor as defaultAdapterFor } from './providers/registry';
import { failedCostFields, type PriceUsageHook } from './record/cost-fields';
import { newGenerationRecord } from './record/generation-record';
import type { PriceSnapshotHook } from './record/usage-and-cost';
import { planRoute, modelList } from './routing/plan';
import type { PricingLookup } from './routing/route-types';
import { worstCaseCost, type ModelLimitsLookup, type WorstCase } from './record/worst-case-cost';
import { createScrubber, type Scrubber } from './providers/common/scrub';
import type { EngineEvent, EngineEventSink } from './stream-events';
import type { RequestWatcher } from './record/request-watcher';
import type { ProviderAdapter, UpstreamConfig } from './types';
import { validateChatRequest } from './validate-request';

// The routing engine: validate → plan (routing/) → try endpoints in order (failover/) → one GenerationRecord per
// request with its tokens and cost (record/).

export interface EngineLogger {
  info?(event: string, meta: Record<string, unknown>): void;
  warn(event: string, meta: Record<string, unknown>): void;
}

export interface EngineOptions {
  upstreams: () => UpstreamConfig[];
  adapterFor?: (kind: UpstreamKind) => ProviderAdapter; // default: the provider modules' adapters
  fetch?: typeof fetch; // default: node:http(s) with keep-alive (see failover/transport.ts)
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  ttftTimeoutMs?: number; // first token, per endpoint; default 60 s
  idleTimeoutMs?: number | (() => number); // between chunks once the answer has started; default 60 s
  maxRetries?: number; // retries of the last endpoint for transient failures, default 2
  backoff?: BackoffOptions;
  pricing?: PricingLookup;
  /** Whether the model catalog knows a slug (unknown models nothing serves are a 400, as on OpenRouter). */
  knownModel?: (slug: string) => boolean;
  /** A model's output limit and context window, bounding a request's worst-case cost (`worstCase`). */
  modelLimits?: ModelLimitsLookup;
  priceUsage?: PriceUsageHook;
  /** The price list a request was priced with, kept on its record so an old answer's cost never changes. */
  priceSnapshot?: PriceSnapshotHook;
  onGeneration?: (rec: GenerationRecord) => void;
  /** A valid request is about to be routed (its record so far); `onGeneration` follows when it ends. May return a
   * watcher, told which endpoint serves the request and each piece of output relayed. */
  onStart?: (rec: GenerationRecord, req: ChatRequest) => RequestWatcher | void;
  logger?: EngineLogger;
}

export interface ChatOptions {
  signal?: AbortLike;
  /** Called for every event when the request has `stream: true`. Return a promise to apply backpressure. */
  onEvent?: EngineEventSink;
  source?: 'app' | 'local-api';
  /** Local API: the app key the caller used, kept on the record so spend can be counted per key. */
  appKeyId?: string;
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

export type { EngineEvent, EngineEventSink };

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

function invalidRequest(error: z.ZodError): EngineError {
  const detail = z.prettifyError(error).replace(/\s*\n\s*/g, '; ');
  return engineError(400, `Invalid request: ${detail}`, { error_type: 'invalid_request' });
}

export function createEngine(opts: EngineOptions) {
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const nodeTransport = opts.fetch ? null : createNodeTransport();
  const transport: Transport = nodeTransport ?? fetchTransport(opts.fetch!);
  const health = createHealthTracker({ now });
  const log = opts.logger;
  const failover = {
    transport,
    adapterFor: opts.adapterFor ?? defaultAdapterFor,
    health,
    pricing: { priceUsage: opts.priceUsage, priceSnapshot: opts.priceSnapshot },
    now,
    random,
    sleep: opts.sleep ?? abortableSleep,
    ttftTimeoutMs: opts.ttftTimeoutMs ?? 60_000,
    idleTimeoutMs: 60_000,
    maxRetries: opts.maxRetries ?? 2,
    backoff: opts.backoff,
    warn: (event: string, meta: Record<string, unknown>) => log?.warn(event, meta),
  };

  function plan(req: ChatRequest, upstreams = opts.upstreams()) {
    return planRoute(req, { upstreams, pricing: opts.pricing, health, random, ...(opts.knownModel ? { knownModel: opts.knownModel } : {}) });
  }

  // Every configured key and the scrubber built from them, kept while `upstreams()` returns the same list (main
  // keeps one list until keys change), so a request does not rebuild every key's encoded forms.
  let keyed: { list: UpstreamConfig[]; secrets: (string | undefined)[]; scrub: Scrubber } | undefined;
  function keysOf(list: UpstreamConfig[]) {
    if (keyed?.list !== list) {
      const secrets = list.map((u) => u.apiKey);
      keyed = { list, secrets, scrub: createScrubber(secrets) };
    }
    return keyed;
  }

  async function chat(input: unknown, chatOpts: ChatOptions = {}): Promise<ChatResult> {
    const t0 = now();
    const id = newGenerationId(t0);
    const source = chatOpts.source ?? 'app';
    const record = newGenerationRecord(id, t0, input, source);
    if (chatOpts.appKeyId !== undefined) record.appKeyId = chatOpts.appKeyId;

    const finish = (result: ChatResult): ChatResult => {
      record.durationMs = now() - t0;
      if (result.error && !record.cancelled) record.error = { code: result.error.error.code, message: result.error.error.message };
      if (result.error && record.tokens === null) Object.assign(record, failedCostFields(record));
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

    const parsed = validateChatRequest(input);
    if (!parsed.success) return finish({ error: invalidRequest(parsed.error), record });
    const req = parsed.data;
    if (!record.requestedModel) record.requestedModel = modelList(req)[0] ?? '';
    let watcher: RequestWatcher | undefined;
    try {
      watcher = opts.onStart?.(record, req) ?? undefined;
    } catch (err) {
      log?.warn('onStart threw', { id, error: (err as Error)?.name });
    }

    let upstreams: UpstreamConfig[];
    let routed: ReturnType<typeof plan>;
    try {
      upstreams = opts.upstreams();
      routed = plan(req, upstreams);
    } catch (err) {
      return internalError(err);
    }
    if (!routed.ok) return finish({ error: engineError(routed.status, routed.message, routed.metadata, routed.availability), record });

    // One controller for the whole request: the caller's signal, or a sink that throws, stops everything.
    const ctl = new Canceller();
    const onCallerAbort = () => ctl.abort();
    chatOpts.signal?.addEventListener('abort', onCallerAbort, { once: true });
    if (chatOpts.signal?.aborted) ctl.abort();
    const onEvent = chatOpts.onEvent;
    const sink: EngineEventSink | undefined = req.stream === true && onEvent
      ? (ev) => {
          try {
            const r = onEvent(ev);
            if (r) return r.catch(() => ctl.abort());
          } catch {
            ctl.abort();
          }
        }
      : undefined;
    const relay = new Relay({ id, created: Math.floor(t0 / 1000), sink, ...(watcher ? { watcher } : {}) });

    try {
      const { secrets, scrub } = keysOf(upstreams);
      const idle = typeof opts.idleTimeoutMs === 'function' ? opts.idleTimeoutMs() : opts.idleTimeoutMs;
      const deps = idle === undefined ? failover : { ...failover, idleTimeoutMs: idle };
      const outcome = await runRoute({ req, steps: routed.steps, relay, signal: ctl, record, t0, secrets, scrub }, deps);
      return finish(outcome.ok ? { completion: relay.completion(outcome.usage), record } : { error: outcome.error, record });
    } catch (err) {
      return internalError(err);
    } finally {
      chatOpts.signal?.removeEventListener('abort', onCallerAbort);
    }
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
    /** The most a request can cost, before it is sent (budgets reserve it). A request that is invalid or that no
     * endpoint can take costs nothing: it never reaches an upstream. */
    worstCase(input: unknown): WorstCase {
      const parsed = validateChatRequest(input);
      if (!parsed.success) return { known: true, micros: 0 };
      const routed = plan(parsed.data);
      if (!routed.ok) return { known: true, micros: 0 };
      return worstCaseCost(parsed.data, routed.steps, opts.modelLimits);
    },
    /** The endpoints a request would be tried on, in order, without calling any (for UI and diagnostics). */
    preview(input: unknown): { ok: true; endpoints: RoutePreview[] } | { ok: false; error: EngineError } {
      const parsed = validateChatRequest(input);
      if (!parsed.success) return { ok: false, error: invalidRequest(parsed.error) };
      const routed = plan(parsed.data);
      if (!routed.ok) return { ok: false, error: engineError(routed.status, routed.message, routed.metadata, routed.availability) };
      return {
        ok: true,
        endpoints: routed.steps.map(({ endpoint: e }) => ({
          upstreamId: e.upstream.id, provider: e.upstream.label, model: e.modelSlug, nativeModel: e.nativeModel, isByok: e.upstream.isByok,
        })),
      };
    },
  };
}
