import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { Usage } from '../../../shared/openrouter/chat-response';
import type { AttemptRecord, GenerationRecord, UpstreamKind } from '../../../shared/openrouter/generation';
import { engineError, type EngineError } from '../errors';
import { abortSignalOf, type AbortLike } from '../cancel';
import type { HealthTracker } from '../health/endpoint-health';
import { estimatedUsage } from '../record/estimated-usage';
import { describeServed } from '../record/generation-record';
import { recordChargedFailure, recordUsageAndCost, type PricingHooksForRecord } from '../record/usage-and-cost';
import type { RouteStep } from '../routing/route-types';
import type { ProviderAdapter, RawUsage } from '../types';
import { runAttempt, seconds, type AttemptOutcome } from './attempt';
import { createScrubber, type Scrubber } from '../providers/common/scrub';
import type { Relay } from './relay';
import { backoffDelay, blamesRequest, isTransient, MAX_RETRY_AFTER_MS, type AttemptFailure, type BackoffOptions } from './retry-policy';
import type { Transport } from './transport';

// The failover loop: try the planned endpoints in order, retrying the last one for transient failures. Failover
// and retries happen only before the first byte reaches the caller; after it, a failure ends the stream.

export interface FailoverDeps {
  transport: Transport;
  adapterFor: (kind: UpstreamKind) => ProviderAdapter;
  health: HealthTracker;
  pricing: PricingHooksForRecord;
  now: () => number;
  random: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  ttftTimeoutMs: number;
  idleTimeoutMs: number;
  maxRetries: number;
  backoff?: BackoffOptions;
  warn?: (event: string, meta: Record<string, unknown>) => void;
}

export interface RouteRun {
  req: ChatRequest;
  steps: RouteStep[];
  relay: Relay;
  signal: AbortLike;
  record: GenerationRecord;
  t0: number;
  /** Every configured key: whatever an upstream sends is scrubbed of all of them (attempt.ts). */
  secrets: readonly (string | undefined)[];
  /** The scrubber for `secrets`, when the caller keeps one (built here otherwise). */
  scrub?: Scrubber;
}

/** `usage` is what the caller receives with the completion (the record's estimate when the upstream reported none). */
export type RouteOutcome = { ok: true; usage?: Usage } | { ok: false; error: EngineError };

export async function runRoute(run: RouteRun, deps: FailoverDeps): Promise<RouteOutcome> {
  const { req, steps, relay, signal, record } = run;
  const failures: { step: RouteStep; failure: AttemptFailure }[] = [];
  const attemptDeps = { ...deps, scrub: run.scrub ?? createScrubber(run.secrets), secrets: run.secrets };
  const charged: { step: RouteStep; raw: RawUsage }[] = []; // failed attempts that reported usage
  let i = 0;
  let retries = 0;
  for (;;) {
    const step = steps[i]!;
    const ep = step.endpoint;
    const attemptStart = deps.now();
    const outcome: AttemptOutcome = await runAttempt(step, deps.adapterFor(ep.upstream.kind), relay, signal, attemptDeps);
    const attempt: AttemptRecord = {
      upstreamId: ep.upstream.id,
      provider: ep.upstream.label,
      model: ep.nativeModel,
      status: null,
      durationMs: deps.now() - attemptStart,
    };
    record.attempts.push(attempt);

    if (outcome.type === 'failed') {
      const f = outcome.failure;
      attempt.status = f.status;
      attempt.error = f.message;
      attempt.errorType = f.kind;
      attempt.sent = f.notSent !== true;
      if (outcome.usage) charged.push({ step, raw: outcome.usage });
      if (!blamesRequest(f)) deps.health.recordFailure(ep.key, f.kind);
      deps.warn?.('attempt failed', { id: record.id, upstreamId: ep.upstream.id, model: ep.nativeModel, status: f.status, kind: f.kind });
      failures.push({ step, failure: f });
      if (signal.aborted) return cancelled(run, deps);
      if (i + 1 < steps.length) {
        i++;
        retries = 0;
        continue;
      }
      const wait = f.retryAfterMs;
      // A first-byte timeout already took the whole wait the user was told about: trying the same endpoint again
      // would double or triple it (docs/provider-wire-formats.md §7.2).
      if (isTransient(f) && f.kind !== 'timeout' && retries < deps.maxRetries && (wait === undefined || wait <= MAX_RETRY_AFTER_MS)) {
        await deps.sleep(wait ?? backoffDelay(retries, deps.random, deps.backoff), abortSignalOf(signal));
        if (signal.aborted) return cancelled(run, deps);
        retries++;
        continue;
      }
      recordChargedFailure(deps.pricing, record, charged);
      return { ok: false, error: finalError(failures, deps.now() - run.t0) };
    }

    if (outcome.type === 'cancelled') {
      attempt.errorType = 'aborted';
      attempt.error = 'cancelled by the caller';
      return cancelled(run, deps, step, outcome.usage, outcome.firstByteAt);
    }

    // done: the caller has seen output from this endpoint.
    attempt.status = outcome.streamError ? outcome.streamError.status : 200;
    if (outcome.streamError) {
      attempt.error = outcome.streamError.message;
      attempt.errorType = 'stream';
    }
    describeServed(record, step, relay, step !== steps[0]);
    if (outcome.upstreamGenerationId) record.upstreamGenerationId = outcome.upstreamGenerationId;
    record.ttftMs = attemptStart - run.t0 + outcome.ttftMs;
    const usage = recordUsageAndCost(deps.pricing, req, record, step, relay, outcome.usage, outcome.streamError !== undefined) ?? estimatedUsage(record, step.endpoint.upstream);
    const genSeconds = (deps.now() - attemptStart - outcome.ttftMs) / 1000;
    record.tokensPerSecond = record.tokens && genSeconds > 0 ? record.tokens.completion / genSeconds : null;
    if (outcome.streamError) deps.health.recordFailure(ep.key, 'stream');
    else deps.health.recordSuccess(ep.key, { ttftMs: outcome.ttftMs, tokensPerSecond: record.tokensPerSecond });
    if (usage && !outcome.streamError) {
      const p = relay.usage(usage);
      if (p) await p;
    }
    record.finishReason = relay.finishReason;
    record.nativeFinishReason = relay.nativeFinishReason;
    if (relay.error) record.error = { code: relay.error.code, message: relay.error.message };
    return usage ? { ok: true, usage } : { ok: true };
  }
}

function cancelled(run: RouteRun, deps: FailoverDeps, step?: RouteStep, raw?: RawUsage, firstByteAt?: number): RouteOutcome {
  run.record.cancelled = true;
  if (run.relay.committed && step) {
    describeServed(run.record, step, run.relay, step !== run.steps[0]);
    recordUsageAndCost(deps.pricing, run.req, run.record, step, run.relay, raw, true);
    if (firstByteAt !== undefined) run.record.ttftMs = firstByteAt - run.t0;
  }
  return { ok: false, error: engineError(499, 'The request was cancelled by the caller.', { error_type: 'cancelled' }) };
}

function finalError(failures: { step: RouteStep; failure: AttemptFailure }[], waitedMs: number): EngineError {
  const last = failures[failures.length - 1]!;
  const f = last.failure;
  // The message states the real wait: with failover, the time every endpoint took, not only the last one's.
  const message = f.kind === 'timeout' && failures.length > 1 ? `${f.message} (${failures.length} endpoints tried over ${seconds(waitedMs)})` : f.message;
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
  return engineError(f.code, message, meta);
}
