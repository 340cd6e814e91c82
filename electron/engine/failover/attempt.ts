import { Canceller, type AbortLike } from '../cancel';
import { cleanMessage, clientCode } from '../providers/common/upstream-errors';
import type { Scrubber } from '../providers/common/scrub';
import type { AdapterRequest, HttpRequestSpec, NormalizedEvent, ProviderAdapter, RawUsage } from '../types';
import type { Relay } from './relay';
import type { AttemptFailure } from './retry-policy';
import type { RouteStep } from '../routing/route-types';
import type { Transport, UpstreamResponse } from './transport';
import { httpFailure } from './upstream-error';
import { isRouter } from '../providers/registry';

// One request to one endpoint. Before the first content event nothing has reached the caller, so any failure is
// reported back for failover; after it, failures end the stream with an error chunk.
// This is the one place an upstream's answer enters Parley: every string it chose (headers, ids, model and
// provider names, finish reasons, error messages) passes `deps.scrub` here, before anything is shown, stored in a
// record or journaled.

export interface AttemptDeps {
  transport: Transport;
  now: () => number;
  ttftTimeoutMs: number;
  /** After the first token: how long the upstream may send nothing before the answer ends with an error. */
  idleTimeoutMs: number;
  /** Removes every configured key (all upstreams, every form) from what the upstream sent. */
  scrub: Scrubber;
  /** Every configured key, for the adapters' own error parsing. */
  secrets: readonly (string | undefined)[];
}

export type AttemptOutcome =
  | {
      type: 'done';
      ttftMs: number; // of this attempt
      usage?: RawUsage;
      upstreamGenerationId?: string;
      streamError?: AttemptFailure; // the stream broke after the first byte
    }
  | { type: 'failed'; failure: AttemptFailure; upstreamGenerationId?: string; usage?: RawUsage }
  | { type: 'cancelled'; usage?: RawUsage; firstByteAt?: number };

/** "60 s", "0.5 s". */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Connection errors that happen before a single byte of the request left: nothing reached the provider. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_INVALID_URL']);

function neverSent(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  return NOT_SENT_CODES.has(String(e?.code ?? '')) || NOT_SENT_CODES.has(String(e?.cause?.code ?? ''));
}

function networkDetail(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err as Error)?.message ?? 'network error';
}

const noOutcome = (): undefined => undefined;

/** The adapter's events grouped by read, or one by one for an adapter that does not group them. */
function eventBatches(adapter: ProviderAdapter, body: AsyncIterable<Uint8Array>, req: AdapterRequest): AsyncIterable<NormalizedEvent[]> {
  if (adapter.parseStreamBatches) return adapter.parseStreamBatches(body, req);
  const events = adapter.parseStream(body, req);
  return {
    [Symbol.asyncIterator]: () => {
      const it = events[Symbol.asyncIterator]();
      const one = (r: IteratorResult<NormalizedEvent>): IteratorResult<NormalizedEvent[]> => (r.done ? { done: true, value: undefined } : { done: false, value: [r.value] });
      return {
        next: () => it.next().then(one),
        return: async () => {
          await it.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

export async function runAttempt(
  step: RouteStep,
  adapter: ProviderAdapter,
  relay: Relay,
  signal: AbortLike,
  deps: AttemptDeps,
): Promise<AttemptOutcome> {
  const ep = step.endpoint;
  const upstream = ep.upstream;
  const { scrub, secrets } = deps;
  const areq: AdapterRequest = { upstream, model: ep.nativeModel, body: step.body, stream: true, secrets };
  const networkFailure = (err: unknown): AttemptFailure => ({
    kind: 'network', status: null, code: 502, errorType: 'provider_unavailable',
    message: `Could not reach ${upstream.label}: ${cleanMessage(networkDetail(err), secrets)}`,
    ...(neverSent(err) ? { notSent: true } : {}),
  });

  let spec: HttpRequestSpec;
  try {
    spec = adapter.buildRequest(areq);
  } catch (err) {
    const message = `${upstream.label}: ${cleanMessage((err as Error)?.message ?? 'the request could not be built', secrets)}`;
    return { type: 'failed', failure: { kind: 'http', status: null, code: 400, errorType: 'invalid_request', message, notSent: true } };
  }
  if (signal.aborted) return { type: 'cancelled' };

  const ctl = new Canceller();
  let timedOut = false;
  const onAbort = () => ctl.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, deps.ttftTimeoutMs);
  // After the first token: nothing from the upstream for idleTimeoutMs ends the answer, keeping what was said.
  // The timer runs only while Parley waits for the upstream, never while the caller applies backpressure.
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let idledOut = false;
  const disarmIdle = () => clearTimeout(idleTimer);
  const armIdle = () => {
    disarmIdle();
    idleTimer = setTimeout(() => {
      idledOut = true;
      ctl.abort();
    }, deps.idleTimeoutMs);
  };
  const started = deps.now();
  let ttftMs = 0;
  let usage: RawUsage | undefined;
  let start: { model?: string; provider?: string } = {};
  let generationId: string | undefined;
  let res: UpstreamResponse | undefined;
  let reusable = false; // the body was read to its end: keep the connection
  const withId = <T extends object>(o: T) => (generationId ? { ...o, upstreamGenerationId: generationId } : o);
  // Usage reported before the failure stays with it: some providers bill failed requests.
  const failed = (failure: AttemptFailure): AttemptOutcome => withId({ type: 'failed' as const, failure: { ...failure, message: scrub.text(failure.message) }, ...(usage ? { usage } : {}) });
  /** Why the loop stopped when it was us who stopped it: the caller cancelled, or no first token in time. */
  const stopped = (): AttemptOutcome | undefined => {
    if (signal.aborted) {
      return { type: 'cancelled', ...(usage ? { usage } : {}), ...(relay.committed ? { firstByteAt: started + ttftMs } : {}) };
    }
    if (timedOut && !relay.committed) {
      return failed({
        kind: 'timeout', status: null, code: 408, errorType: 'timeout',
        message: `${upstream.label} sent no output within ${seconds(deps.ttftTimeoutMs)}`,
      });
    }
    return undefined;
  };
  const idleFailure = (): AttemptFailure => ({
    kind: 'timeout', status: null, code: 408, errorType: 'timeout',
    message: `${upstream.label} sent nothing for ${seconds(deps.idleTimeoutMs)}; the answer so far is kept`,
  });
  /** After the first byte: end the caller's stream with an error chunk. */
  const breakStream = async (unscrubbed: AttemptFailure): Promise<AttemptOutcome> => {
    const failure = { ...unscrubbed, message: scrub.text(unscrubbed.message) };
    const p = relay.fail({ code: failure.code, message: failure.message, metadata: { error_type: failure.errorType, provider_name: upstream.label } });
    if (p) await p.catch(() => {});
    return withId({ type: 'done' as const, ttftMs, ...(usage ? { usage } : {}), streamError: failure });
  };

  /** One event from the adapter; an outcome when it ends the attempt. Synchronous unless the caller asked the
   * relay to wait (backpressure) or the stream must be broken off. */
  const onEvent = (ev: NormalizedEvent): AttemptOutcome | undefined | Promise<AttemptOutcome | undefined> => {
    switch (ev.type) {
      case 'start':
        start = ev;
        return undefined;
      case 'usage':
        usage = ev.usage;
        return undefined;
      case 'error': {
        if (idledOut && relay.committed) return breakStream(idleFailure());
        const text = cleanMessage(ev.message, secrets);
        const failure: AttemptFailure = {
          kind: 'stream', status: ev.code, code: clientCode(ev.code), errorType: ev.errorType ?? 'provider_unavailable',
          message: text.startsWith(upstream.label) ? text : `${upstream.label}: ${text}`,
        };
        return relay.committed ? breakStream(failure) : failed(failure);
      }
      default: {
        if (!relay.committed) {
          clearTimeout(timer);
          ttftMs = deps.now() - started;
          const router = isRouter(upstream);
          const c = relay.commit(router && start.model ? start.model : ep.modelSlug, router ? start.provider ?? upstream.label : upstream.label, ep);
          if (c) return c.then(() => relay.handle(ev)).then(noOutcome);
        }
        const p = relay.handle(ev);
        return p ? p.then(noOutcome) : undefined;
      }
    }
  };

  try {
    try {
      res = await deps.transport(spec, ctl);
    } catch (err) {
      return stopped() ?? failed(networkFailure(err));
    }
    generationId = scrub.id(res.header('x-generation-id'));
    if (res.status < 200 || res.status > 299) {
      try {
        const { bodyComplete, ...failure } = await httpFailure(res, upstream, secrets);
        reusable = bodyComplete;
        return failed(failure);
      } catch (err) {
        return stopped() ?? failed(networkFailure(err));
      }
    }

    // One batch per read of the body: the idle timer is re-armed once per read, and only a relay that asks the
    // attempt to wait costs an await.
    for await (const batch of eventBatches(adapter, res.body, areq)) {
      disarmIdle();
      for (let i = 0; i < batch.length; i++) {
        let end = onEvent(scrub.event(batch[i]!));
        if (end instanceof Promise) end = await end;
        if (end) return end;
      }
      if (relay.committed) armIdle();
    }
    if (idledOut && relay.committed) return await breakStream(idleFailure());
    reusable = true;
    if (!relay.committed) {
      return failed({ kind: 'stream', status: null, code: 502, errorType: 'provider_unavailable', message: `${upstream.label} ended the stream without any output` });
    }
    return withId({ type: 'done' as const, ttftMs, ...(usage ? { usage } : {}) });
  } catch (err) {
    const s = stopped();
    if (s) return s;
    if (idledOut && relay.committed) return breakStream(idleFailure());
    if (!relay.committed) return failed(networkFailure(err));
    const lost = networkFailure(err);
    return breakStream({ ...lost, message: `${upstream.label} connection was lost mid-stream (${cleanMessage(networkDetail(err), secrets)})` });
  } finally {
    clearTimeout(timer);
    disarmIdle();
    signal.removeEventListener('abort', onAbort);
    if (reusable) await res?.release();
    else ctl.abort(); // hang up on anything still open
  }
}
