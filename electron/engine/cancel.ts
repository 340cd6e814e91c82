// A request's "stop", where the engine itself raises it and only its own code listens: the local API when its
// client hangs up, a whole request (its caller cancels, or a sink throws), and an attempt on a timeout or when the
// request is cancelled (read by the transport). An
// AbortController costs microseconds per request to create (its AbortSignal is a full EventTarget); this holds
// only what those readers use. Anything handed to code outside the engine (the injected `sleep`, `fetch`) still
// gets a real AbortSignal.

/** What the engine reads from a signal; an AbortSignal is one. */
export interface AbortLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export class Canceller implements AbortLike {
  aborted = false;
  private listeners: (() => void)[] = [];

  /** Listeners run once, on abort; one added after the abort never runs (as with an AbortSignal). */
  addEventListener(_type: 'abort', listener: () => void, _options?: { once?: boolean }): void {
    if (!this.aborted) this.listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const i = this.listeners.indexOf(listener);
    if (i >= 0) this.listeners.splice(i, 1);
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener();
  }
}

/** A real AbortSignal that follows `signal`, for code outside the engine that needs one (made only when asked for). */
export function abortSignalOf(signal: AbortLike): AbortSignal {
  if (signal instanceof AbortSignal) return signal;
  const ctl = new AbortController();
  if (signal.aborted) ctl.abort();
  else signal.addEventListener('abort', () => ctl.abort(), { once: true });
  return ctl.signal;
}
