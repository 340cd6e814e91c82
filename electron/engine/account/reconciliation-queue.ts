import { reconcile, type ReconcileResult } from '../../../shared/billing/reconcile';
import type { AccountError, AccountResult, GenerationStats } from './types';

// Background reconciliation: after an OpenRouter request, ask GET /generation what was actually billed and
// compare it with Parley's own figure. OpenRouter's record appears with a lag, so a 404 is retried with
// exponential backoff, as are 429 (honouring Retry-After), 5xx and network failures. 401/402/403 and unreadable
// answers end the job at once. Timers are injectable so tests (and a paused app) control time.

export interface ReconcileJob {
  generationId: string; // Parley's own gen- id, to find the ledger row
  upstreamGenerationId: string; // OpenRouter's id (X-Generation-Id / response id)
  localCostMicros?: number; // Parley's price for the same call (provider list price for BYOK)
}

export interface ReconcileOutcome {
  job: ReconcileJob;
  status: 'reconciled' | 'failed';
  attempts: number;
  stats?: GenerationStats;
  /** What is compared with Parley's price: total_cost, or for BYOK upstream_inference_cost (total_cost is then
   * only OpenRouter's fee). */
  billedMicros?: number;
  /** Everything the call was billed: total_cost, plus upstream_inference_cost for BYOK. */
  billedTotalMicros?: number;
  comparison?: ReconcileResult;
  error?: AccountError;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ReconciliationQueueOptions {
  getGeneration: (id: string) => Promise<AccountResult<GenerationStats>>;
  onResult: (outcome: ReconcileOutcome) => void;
  timers?: Timers;
  firstDelayMs?: number; // before the first look, default 1 s
  baseDelayMs?: number; // first retry delay, doubled each time, default 2 s
  maxDelayMs?: number; // default 60 s
  maxAttempts?: number; // default 8
}

export interface ReconciliationQueue {
  enqueue(job: ReconcileJob): void;
  pending(): number;
  /** Resolves when no job is waiting or running. */
  idle(): Promise<void>;
  /** Drops every waiting job and its timer; running lookups finish but report nothing. */
  stop(): void;
}

const RETRYABLE = new Set(['not-found', 'rate-limited', 'server', 'network']);

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function billedMicrosOf(stats: GenerationStats): number | undefined {
  const v = stats.isByok ? stats.upstreamInferenceCostMicros : stats.totalCostMicros;
  return v ?? undefined;
}

/** The whole bill: OpenRouter's charge, plus for BYOK the provider's. */
export function billedTotalOf(stats: GenerationStats): number | undefined {
  if (stats.totalCostMicros === null) return undefined;
  return stats.isByok && stats.upstreamInferenceCostMicros !== null ? stats.totalCostMicros + stats.upstreamInferenceCostMicros : stats.totalCostMicros;
}

export function createReconciliationQueue(opts: ReconciliationQueueOptions): ReconciliationQueue {
  const timers = opts.timers ?? realTimers;
  const firstDelay = opts.firstDelayMs ?? 1000;
  const baseDelay = opts.baseDelayMs ?? 2000;
  const maxDelay = opts.maxDelayMs ?? 60_000;
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 8);
  const waiting = new Map<ReconcileJob, unknown>();
  let running = 0;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];

  const checkIdle = () => {
    if (waiting.size === 0 && running === 0) {
      const w = idleWaiters;
      idleWaiters = [];
      w.forEach((r) => r());
    }
  };

  const schedule = (job: ReconcileJob, attempt: number, delay: number) => {
    const handle = timers.setTimeout(() => {
      waiting.delete(job);
      void run(job, attempt);
    }, delay);
    waiting.set(job, handle);
  };

  const report = (outcome: ReconcileOutcome) => {
    if (stopped) return;
    try {
      opts.onResult(outcome);
    } catch (err) {
      console.warn('reconciliation: result handler failed', { generationId: outcome.job.generationId, error: String(err) });
    }
  };

  async function run(job: ReconcileJob, attempt: number): Promise<void> {
    running += 1;
    try {
      const r = await opts.getGeneration(job.upstreamGenerationId);
      if (stopped) return;
      if (r.ok) {
        const billed = billedMicrosOf(r.value);
        const total = billedTotalOf(r.value);
        report({
          job, status: 'reconciled', attempts: attempt, stats: r.value, billedMicros: billed,
          ...(total !== undefined ? { billedTotalMicros: total } : {}),
          comparison: reconcile(job.localCostMicros, billed),
        });
        return;
      }
      if (RETRYABLE.has(r.error.kind) && attempt < maxAttempts) {
        const backoff = Math.min(maxDelay, baseDelay * 2 ** (attempt - 1));
        schedule(job, attempt + 1, Math.max(backoff, Math.min(maxDelay, r.error.retryAfterMs ?? 0)));
        return;
      }
      report({ job, status: 'failed', attempts: attempt, error: r.error });
    } finally {
      running -= 1;
      checkIdle();
    }
  }

  return {
    enqueue(job) {
      if (stopped) return;
      schedule(job, 1, firstDelay);
    },
    pending: () => waiting.size + running,
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      });
    },
    stop() {
      stopped = true;
      for (const h of waiting.values()) timers.clearTimeout(h);
      waiting.clear();
      checkIdle();
    },
  };
}
