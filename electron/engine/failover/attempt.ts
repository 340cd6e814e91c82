import { cleanMessage, clientCode } from '../providers/common/upstream-errors';
import type { AdapterRequest, HttpRequestSpec, ProviderAdapter, RawUsage } from '../types';
import type { Relay } from './relay';
import type { AttemptFailure } from './retry-policy';
import type { RouteStep } from '../routing/route-types';
import type { Transport, UpstreamResponse } from './transport';
import { httpFailure } from './upstream-error';

// One request to one endpoint. Before the first content event nothing has reached the caller, so any failure is
// reported back for failover; after it, failures end the stream with an error chunk.

export interface AttemptDeps {
  transport: Transport;
  now: () => number;
  ttftTimeoutMs: number;
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

export async function runAttempt(
  step: RouteStep,
  adapter: ProviderAdapter,
  relay: Relay,
  signal: AbortSignal,
  deps: AttemptDeps,
): Promise<AttemptOutcome> {
  const ep = step.endpoint;
  const upstream = ep.upstream;
  const secrets = [upstream.apiKey];
  const areq: AdapterRequest = { upstream, model: ep.nativeModel, body: step.body, stream: true };
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

  const ctl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctl.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, deps.ttftTimeoutMs);
  const started = deps.now();
  let ttftMs = 0;
  let usage: RawUsage | undefined;
  let start: { model?: string; provider?: string } = {};
  let generationId: string | undefined;
  let res: UpstreamResponse | undefined;
  let reusable = false; // the body was read to its end: keep the connection
  const withId = <T extends object>(o: T) => (generationId ? { ...o, upstreamGenerationId: generationId } : o);
  // Usage reported before the failure stays with it: some providers bill failed requests.
  const failed = (failure: AttemptFailure): AttemptOutcome => withId({ type: 'failed' as const, failure, ...(usage ? { usage } : {}) });
  /** Why the loop stopped when it was us who stopped it: the caller cancelled, or no first token in time. */
  const stopped = (): AttemptOutcome | undefined => {
    if (signal.aborted) {
      return { type: 'cancelled', ...(usage ? { usage } : {}), ...(relay.committed ? { firstByteAt: started + ttftMs } : {}) };
    }
    if (timedOut && !relay.committed) {
      return failed({
        kind: 'timeout', status: null, code: 408, errorType: 'timeout',
        message: `${upstream.label} sent no output within ${Math.round(deps.ttftTimeoutMs / 100) / 10} s`,
      });
    }
    return undefined;
  };
  /** After the first byte: end the caller's stream with an error chunk. */
  const breakStream = async (failure: AttemptFailure): Promise<AttemptOutcome> => {
    const p = relay.fail({ code: failure.code, message: failure.message, metadata: { error_type: failure.errorType, provider_name: upstream.label } });
    if (p) await p.catch(() => {});
    return withId({ type: 'done' as const, ttftMs, ...(usage ? { usage } : {}), streamError: failure });
  };

  try {
    try {
      res = await deps.transport(spec, ctl.signal);
    } catch (err) {
      return stopped() ?? failed(networkFailure(err));
    }
    generationId = res.header('x-generation-id');
    if (res.status < 200 || res.status > 299) {
      try {
        const { bodyComplete, ...failure } = await httpFailure(res, upstream);
        reusable = bodyComplete;
        return failed(failure);
      } catch (err) {
        return stopped() ?? failed(networkFailure(err));
      }
    }

    for await (const ev of adapter.parseStream(res.body, areq)) {
      switch (ev.type) {
        case 'start':
          start = ev;
          continue;
        case 'usage':
          usage = ev.usage;
          continue;
        case 'error': {
          const text = cleanMessage(ev.message, secrets);
          const failure: AttemptFailure = {
            kind: 'stream', status: ev.code, code: clientCode(ev.code), errorType: ev.errorType ?? 'provider_unavailable',
            message: text.startsWith(upstream.label) ? text : `${upstream.label}: ${text}`,
          };
          return relay.committed ? await breakStream(failure) : failed(failure);
        }
        default: {
          if (!relay.committed) {
            clearTimeout(timer);
            ttftMs = deps.now() - started;
            const isRouter = upstream.kind === 'openrouter';
            const c = relay.commit(isRouter && start.model ? start.model : ep.modelSlug, isRouter ? start.provider ?? upstream.label : upstream.label);
            if (c) await c;
          }
          const p = relay.handle(ev);
          if (p) await p;
        }
      }
    }
    reusable = true;
    if (!relay.committed) {
      return failed({ kind: 'stream', status: null, code: 502, errorType: 'provider_unavailable', message: `${upstream.label} ended the stream without any output` });
    }
    return withId({ type: 'done' as const, ttftMs, ...(usage ? { usage } : {}) });
  } catch (err) {
    const s = stopped();
    if (s) return s;
    if (!relay.committed) return failed(networkFailure(err));
    const lost = networkFailure(err);
    return breakStream({ ...lost, message: `${upstream.label} connection was lost mid-stream (${cleanMessage(networkDetail(err), secrets)})` });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    if (reusable) await res?.release();
    else ctl.abort(); // hang up on anything still open
  }
}
