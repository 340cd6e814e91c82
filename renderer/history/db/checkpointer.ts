import { errorName, isQuotaError, NotFoundError } from './errors';
import { QUOTA_ADVICE, reportStorageProblem, type StorageProblem } from './events';
import { checkpointAnswer, finalizeAssistantMessage, type AnswerOutcome } from './messages';
import type { MessageError } from './types';

// Streaming writes. Deltas accumulate in memory; the accumulated text is written at most once per interval
// (default 1 s) and at once on finish/stop/error — never once per token. When a write fails (disk full:
// QuotaExceededError) nothing is discarded: the text stays here, the UI is told (onStorageProblem), and the write
// is retried every retryMs until it lands — at once when another write succeeds (space came back) or when the
// UI asks (retryHeldCheckpointers). A checkpointer lives until its final state is on disk.

export interface Scheduler {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realScheduler: Scheduler = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface CheckpointerOptions {
  intervalMs?: number;
  retryMs?: number;
  onProblem?: (p: StorageProblem) => void;
  scheduler?: Scheduler;
  now?: () => number;
}

export type AnswerMeta = Omit<AnswerOutcome, 'status' | 'content' | 'reasoning'>;

export interface SaveResult {
  /** the final state is on disk; when false it is held in memory and retried (see whenSaved) */
  saved: boolean;
}

export interface StreamCheckpointer {
  readonly messageId: string;
  readonly text: string;
  readonly reasoning: string;
  /** text or a final state is held in memory and not yet on disk */
  readonly unsaved: boolean;
  /** unsaved because a write failed (and is being retried) */
  readonly held: boolean;
  /** successful writes so far */
  readonly writes: number;
  appendText(delta: string): void;
  appendReasoning(delta: string): void;
  /** writes what has accumulated now (e.g. before the window closes) */
  flush(): Promise<SaveResult>;
  finish(meta?: AnswerMeta): Promise<SaveResult>;
  stop(meta?: AnswerMeta): Promise<SaveResult>;
  fail(error: MessageError, meta?: AnswerMeta): Promise<SaveResult>;
  /** the final state as known elsewhere (main's snapshot of the stream): its text replaces what accumulated here */
  complete(outcome: AnswerOutcome): Promise<SaveResult>;
  /** a held write is tried now instead of at its next retry */
  retryNow(): void;
  /** resolves once the final state is on disk (or the answer no longer exists) */
  whenSaved(): Promise<void>;
  /** stops timers; anything unsaved is lost from memory, so only call after whenSaved or on deletion */
  dispose(): void;
}

// checkpointers created and not yet finished (their answers are legitimately 'streaming')
const live = new Set<StreamCheckpointer>();

/** Checkpointers holding text not yet on disk. */
export function unsavedCheckpointers(): StreamCheckpointer[] {
  return [...live].filter((c) => c.unsaved);
}

/** Checkpointers whose text the disk refused and that are waiting to retry (for a "quit anyway?" prompt). */
export function heldCheckpointers(): StreamCheckpointer[] {
  return [...live].filter((c) => c.held);
}

/** Tries every held write now (space may have come back: a write succeeded, the user freed some, or asked). */
export function retryHeldCheckpointers(): void {
  for (const c of live) if (c.held) c.retryNow();
}

/** Whether an answer is being streamed by this window right now (so recovery must leave it alone). */
export function isStreamingHere(messageId: string): boolean {
  for (const c of live) if (c.messageId === messageId) return true;
  return false;
}

export async function flushAllCheckpointers(): Promise<boolean> {
  const results = await Promise.all([...live].map((c) => c.flush()));
  return results.every((r) => r.saved);
}

export function createStreamCheckpointer(messageId: string, opts: CheckpointerOptions = {}): StreamCheckpointer {
  const intervalMs = opts.intervalMs ?? 1000;
  const retryMs = opts.retryMs ?? 5000;
  const sched = opts.scheduler ?? realScheduler;
  const now = opts.now ?? Date.now;

  let text = '';
  let reasoning: string | undefined;
  let dirty = false;
  let final: AnswerOutcome | null = null;
  let finalSaved = false;
  let gone = false; // the answer was deleted or finalised elsewhere
  let lastWriteAt = -Infinity;
  let timer: unknown = null;
  let writing: Promise<void> | null = null;
  let failing = false;
  let writes = 0;
  let disposed = false;
  let savedWaiters: (() => void)[] = [];

  const pendingWork = () => !gone && (dirty || (final !== null && !finalSaved));

  const settleWaiters = () => {
    if (pendingWork()) return;
    const w = savedWaiters;
    savedWaiters = [];
    for (const f of w) f();
    if (finalSaved || gone) live.delete(api);
  };

  const problem = (p: StorageProblem) => {
    reportStorageProblem(p);
    opts.onProblem?.(p);
  };

  const schedule = (delay: number) => {
    if (timer !== null || disposed) return;
    timer = sched.set(() => {
      timer = null;
      void run();
    }, delay);
  };

  const cancelTimer = () => {
    if (timer !== null) sched.clear(timer);
    timer = null;
  };

  const kick = () => {
    if (writing || !pendingWork()) return;
    schedule(Math.max(0, lastWriteAt + intervalMs - now()));
  };

  async function writeOnce(): Promise<boolean> {
    const snapText = text;
    const snapReasoning = reasoning;
    lastWriteAt = now();
    try {
      if (final) {
        await finalizeAssistantMessage(messageId, { ...final, content: snapText, ...(snapReasoning !== undefined ? { reasoning: snapReasoning } : {}) });
        if (snapText === text && snapReasoning === reasoning) {
          finalSaved = true;
          dirty = false;
        }
      } else {
        const ok = await checkpointAnswer(messageId, snapText, snapReasoning);
        if (!ok) gone = true;
        if (snapText === text && snapReasoning === reasoning) dirty = false;
      }
      writes++;
      if (failing) {
        failing = false;
        problem({ type: 'write-recovered', messageId, operation: final ? 'finish answer' : 'save streamed text' });
        queueMicrotask(retryHeldCheckpointers); // there is room again: the others need not wait for their timer
      }
      return true;
    } catch (err) {
      if (err instanceof NotFoundError) {
        gone = true;
        return true;
      }
      failing = true;
      const operation = final ? 'finish answer' : 'save streamed text';
      const unsavedChars = text.length + (reasoning?.length ?? 0);
      if (isQuotaError(err)) problem({ type: 'quota-exceeded', messageId, operation, unsavedChars, retryInMs: retryMs, advice: QUOTA_ADVICE });
      else problem({ type: 'write-failed', messageId, operation, errorName: errorName(err), retryInMs: retryMs, unsavedChars });
      return false;
    }
  }

  async function run(): Promise<void> {
    if (writing) return writing;
    if (!pendingWork()) {
      settleWaiters();
      return;
    }
    let ok = true;
    cancelTimer();
    writing = (async () => {
      ok = await writeOnce();
    })();
    await writing;
    writing = null;
    if (!ok) schedule(retryMs);
    else if (pendingWork()) kick();
    settleWaiters();
  }

  async function settle(outcome: AnswerOutcome): Promise<SaveResult> {
    final = outcome;
    finalSaved = false;
    cancelTimer();
    if (writing) await writing;
    await run();
    return { saved: !pendingWork() };
  }

  const api: StreamCheckpointer = {
    messageId,
    get text() {
      return text;
    },
    get reasoning() {
      return reasoning ?? '';
    },
    get unsaved() {
      return pendingWork();
    },
    get held() {
      return failing && pendingWork();
    },
    get writes() {
      return writes;
    },
    appendText(delta) {
      if (!delta || final) return;
      text += delta;
      dirty = true;
      kick();
    },
    appendReasoning(delta) {
      if (!delta || final) return;
      reasoning = (reasoning ?? '') + delta;
      dirty = true;
      kick();
    },
    async flush() {
      cancelTimer();
      if (writing) await writing;
      await run();
      return { saved: !pendingWork() };
    },
    finish: (meta = {}) => settle({ ...meta, status: 'done', content: '' }),
    stop: (meta = {}) => settle({ ...meta, status: 'stopped', content: '' }),
    fail: (error, meta = {}) => settle({ ...meta, error, status: 'error', content: '' }),
    complete(outcome) {
      text = outcome.content;
      if (outcome.reasoning !== undefined) reasoning = outcome.reasoning;
      return settle(outcome);
    },
    retryNow() {
      if (writing || !failing || disposed) return;
      cancelTimer();
      void run();
    },
    whenSaved() {
      if (!pendingWork()) return Promise.resolve();
      return new Promise((resolve) => savedWaiters.push(resolve));
    },
    dispose() {
      disposed = true;
      cancelTimer();
      live.delete(api);
    },
  };
  live.add(api);
  return api;
}
