import { clientStatusFor, errorTypeFor, redactSecrets, truncate } from '../errors';
import type { AdapterRequest, HttpRequestSpec, ProviderAdapter, RawUsage } from '../types';
import { describeFailure } from './failure-message';
import type { Relay } from './relay';
import { parseRetryAfter, type AttemptFailure } from './retry-policy';
import type { RouteStep } from './route-types';
import { upstreamErrorMessage } from './upstream-error';

// One request to one endpoint. Before the first content event nothing has reached the caller, so any failure is
// reported back for failover; after it, failures end the stream with an error chunk.

export interface AttemptDeps {
  fetch: typeof fetch;
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
  | { type: 'failed'; failure: AttemptFailure; upstreamGenerationId?: string }
  | { type: 'cancelled'; usage?: RawUsage; firstByteAt?: number };

async function* readBody(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) reader.cancel().catch(() => {});
  }
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
  const clean = (s: string) => truncate(redactSecrets(s, secrets));
  const fail = (f: AttemptFailure, upstreamGenerationId?: string): AttemptOutcome => ({
    type: 'failed',
    failure: { ...f, message: describeFailure(f, upstream, deps.ttftTimeoutMs) },
    ...(upstreamGenerationId ? { upstreamGenerationId } : {}),
  });
  const areq: AdapterRequest = { upstream, model: ep.nativeModel, body: step.body, stream: true };

  let spec: HttpRequestSpec;
  try {
    spec = adapter.buildRequest(areq);
  } catch (err) {
    return fail({ kind: 'http', status: 400, message: clean((err as Error)?.message ?? 'invalid request') });
  }

  const ctl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctl.abort();
  if (signal.aborted) return { type: 'cancelled' };
  signal.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, deps.ttftTimeoutMs);
  const started = deps.now();
  let usage: RawUsage | undefined;
  let start: { model?: string; provider?: string } = {};
  let generationId: string | undefined;
  const cancelled = (): AttemptOutcome => ({
    type: 'cancelled',
    ...(usage ? { usage } : {}),
    ...(relay.committed ? { firstByteAt: started + ttftMs } : {}),
  });
  const stopped = (): AttemptOutcome | undefined => {
    if (signal.aborted) return cancelled();
    if (timedOut && !relay.committed) return fail({ kind: 'timeout', status: null, message: '' }, generationId);
    return undefined;
  };
  let ttftMs = 0;

  try {
    let res: Response;
    try {
      res = await deps.fetch(spec.url, { method: spec.method, headers: spec.headers, body: spec.body, signal: ctl.signal });
    } catch (err) {
      return stopped() ?? fail({ kind: 'network', status: null, message: clean(networkDetail(err)) });
    }
    generationId = res.headers.get('x-generation-id') ?? undefined;
    if (!res.ok) {
      const retryAfterMs = parseRetryAfter(res.headers, Date.now());
      let message = '';
      try {
        message = await upstreamErrorMessage(res, secrets);
      } catch {
        const s = stopped();
        if (s) return s;
      }
      return fail({ kind: 'http', status: res.status, message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) }, generationId);
    }
    if (!res.body) return fail({ kind: 'stream', status: null, message: 'empty response body' }, generationId);

    for await (const ev of adapter.parseStream(readBody(res.body), areq)) {
      switch (ev.type) {
        case 'start':
          start = ev;
          continue;
        case 'usage':
          usage = ev.usage;
          continue;
        case 'error': {
          const failure: AttemptFailure = { kind: 'stream', status: ev.code, message: clean(ev.message), ...(ev.errorType ? { errorType: ev.errorType } : {}) };
          if (!relay.committed) return fail(failure, generationId);
          const code = clientStatusFor(ev.code, 'stream');
          const message = describeFailure(failure, upstream, deps.ttftTimeoutMs);
          const p = relay.fail({ code, message, metadata: { error_type: ev.errorType ?? errorTypeFor(code), provider_name: upstream.label } });
          if (p) await p;
          return { type: 'done', ttftMs, ...(usage ? { usage } : {}), ...(generationId ? { upstreamGenerationId: generationId } : {}), streamError: { ...failure, message } };
        }
        default:
          if (!relay.committed) {
            clearTimeout(timer);
            ttftMs = deps.now() - started;
            const isRouter = upstream.kind === 'openrouter';
            relay.commit(isRouter && start.model ? start.model : ep.modelSlug, isRouter ? start.provider ?? upstream.label : upstream.label);
          }
          {
            const p = relay.handle(ev);
            if (p) await p;
          }
      }
    }
    if (!relay.committed) return fail({ kind: 'stream', status: null, message: '' }, generationId);
    return { type: 'done', ttftMs, ...(usage ? { usage } : {}), ...(generationId ? { upstreamGenerationId: generationId } : {}) };
  } catch (err) {
    const s = stopped();
    if (s) return s;
    const failure: AttemptFailure = { kind: 'network', status: null, message: clean(networkDetail(err)) };
    if (!relay.committed) return fail(failure, generationId);
    const message = `${upstream.label} connection was lost mid-stream: ${failure.message}`;
    const p = relay.fail({ code: 502, message, metadata: { error_type: 'provider_unavailable', provider_name: upstream.label } });
    if (p) await p.catch(() => {});
    return { type: 'done', ttftMs, ...(usage ? { usage } : {}), streamError: { ...failure, message } };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    ctl.abort(); // releases the connection if anything is still open
  }
}
