import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AbortLike } from '../cancel';
import type { HttpRequestSpec } from '../types';

// How the engine talks to upstreams. The default is node:http(s) with keep-alive agents: it costs less per
// request and per chunk than fetch, and aborting destroys the socket at once. An injected `fetch` (tests,
// proxies) is adapted to the same shape.

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders | Headers;
  header(name: string): string | undefined;
  body: AsyncIterable<Uint8Array>;
  /** Stop reading and hang up. */
  destroy(): void;
  /** Read what is left (normally just EOF) so the connection can be reused; hang up if it takes too long.
   * Resolves once drained, or after a short grace while draining goes on in the background. */
  release(): Promise<void>;
}

export type Transport = (spec: HttpRequestSpec, signal: AbortLike) => Promise<UpstreamResponse>;

const RELEASE_MS = 2000;
const RELEASE_BYTES = 1024 * 1024;

function abortError(): Error {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  return e;
}

/** An async iterable whose early return does not destroy the source: the remainder is released separately. */
function nonClosing(source: AsyncIterator<Uint8Array>): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => source.next(),
      return: async () => ({ done: true, value: undefined }),
    }),
  };
}

const RELEASE_GRACE_MS = 25;

function drain(source: AsyncIterator<Uint8Array>, hangUp: () => void): Promise<void> {
  const timer = setTimeout(hangUp, RELEASE_MS);
  timer.unref?.();
  const drained = (async () => {
    let bytes = 0;
    try {
      for (;;) {
        const { done, value } = await source.next();
        if (done) return;
        bytes += value.byteLength;
        if (bytes > RELEASE_BYTES) return hangUp();
      }
    } catch {
      // reset or aborted: nothing to reuse
    } finally {
      clearTimeout(timer);
    }
  })();
  let grace: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([drained, new Promise<void>((r) => (grace = setTimeout(r, RELEASE_GRACE_MS)))]).finally(() => clearTimeout(grace));
}

/** A response body as an async iterator. Node's own (`res[Symbol.asyncIterator]`) hands over each read a tick
 * later and costs tens of microseconds to set up per response, on every answer's path to its first token; this
 * one resolves a waiting read from the 'data' event itself and joins what arrived while nobody was reading. Like
 * Node's, it pauses the response while nothing reads (backpressure), then hands over everything buffered in one
 * read, and fails with the stream's error, or "Premature close" when the connection closes before the body ended. */
function bodyOf(res: IncomingMessage): AsyncIterator<Uint8Array> {
  let queued: Buffer[] = [];
  let ended = false;
  let failure: Error | undefined;
  let waiting: { resolve(r: IteratorResult<Uint8Array>): void; reject(e: Error): void } | undefined;
  const take = (): IteratorResult<Uint8Array> => {
    const value = queued.length === 1 ? queued[0]! : Buffer.concat(queued);
    queued = [];
    return { done: false, value };
  };
  const settle = () => {
    const w = waiting;
    if (!w) return;
    if (queued.length > 0) w.resolve(take());
    else if (failure) w.reject(failure);
    else if (ended) w.resolve({ done: true, value: undefined });
    else return;
    waiting = undefined;
  };
  res.on('data', (chunk: Buffer) => {
    queued.push(chunk);
    if (waiting) settle();
    else res.pause();
  });
  res.on('end', () => {
    ended = true;
    settle();
  });
  res.on('error', (err: Error) => {
    failure ??= err;
    settle();
  });
  res.on('close', () => {
    if (!ended && !failure) failure = Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
    settle();
  });
  return {
    next() {
      // Paused with bytes already buffered: take them all at once (read() hands them to the 'data' listener).
      if (queued.length === 0 && res.readableLength > 0) res.read();
      if (queued.length > 0) return Promise.resolve(take());
      if (failure) return Promise.reject(failure);
      if (ended) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        res.resume();
      });
    },
  };
}

interface Target {
  protocol: 'http:' | 'https:';
  hostname: string;
  port: string | undefined;
  path: string;
}

// Every request to an endpoint goes to the same URL: each is parsed once.
const targets = new Map<string, Target | string>();

/** Where a URL points, or its protocol when that is neither http nor https. */
function targetOf(href: string): Target | string {
  let t = targets.get(href);
  if (t === undefined) {
    const url = new URL(href);
    t = url.protocol === 'http:' || url.protocol === 'https:'
      ? { protocol: url.protocol, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || undefined, path: url.pathname + url.search }
      : url.protocol;
    if (targets.size >= 256) targets.clear();
    targets.set(href, t);
  }
  return t;
}

export function createNodeTransport(): Transport & { close(): void } {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, scheduling: 'lifo' }),
    'https:': new HttpsAgent({ keepAlive: true, scheduling: 'lifo' }),
  };

  function once(spec: HttpRequestSpec, signal: AbortLike): Promise<{ res: IncomingMessage; reused: boolean } | { error: NodeJS.ErrnoException; reused: boolean }> {
    const target = targetOf(spec.url);
    if (typeof target === 'string') return Promise.reject(new Error(`unsupported protocol ${target}`));
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...spec.headers };
      if (spec.body !== undefined) headers['content-length'] = Buffer.byteLength(spec.body);
      const req = (target.protocol === 'https:' ? httpsRequest : httpRequest)({ ...target, method: spec.method, headers, agent: agents[target.protocol] });
      const onAbort = () => {
        req.destroy(abortError());
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      req.on('response', (res) => {
        signal.removeEventListener('abort', onAbort);
        resolve({ res, reused: req.reusedSocket });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) return reject(abortError());
        resolve({ error, reused: req.reusedSocket });
      });
      req.end(spec.body);
    });
  }

  const transport = async (spec: HttpRequestSpec, signal: AbortLike): Promise<UpstreamResponse> => {
    if (signal.aborted) throw abortError();
    let r = await once(spec, signal);
    // A kept-alive socket the server had already closed: retry once on a fresh one (nothing was received).
    if ('error' in r && r.reused && (r.error.code === 'ECONNRESET' || r.error.code === 'EPIPE')) r = await once(spec, signal);
    if ('error' in r) throw r.error;
    const res = r.res;
    const hangUp = () => res.destroy();
    const onAbort = () => res.destroy(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    res.once('close', () => signal.removeEventListener('abort', onAbort));
    const source = bodyOf(res);
    return {
      status: res.statusCode ?? 0,
      headers: res.headers,
      header: (name) => {
        const v = res.headers[name.toLowerCase()];
        return Array.isArray(v) ? v[0] : v;
      },
      body: nonClosing(source),
      destroy: hangUp,
      release: () => drain(source, hangUp),
    };
  };
  return Object.assign(transport, {
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}

/** The same interface over an injected fetch. */
export function fetchTransport(f: typeof fetch): Transport {
  return async (spec, signal) => {
    const ctl = new AbortController();
    const onAbort = () => ctl.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const res = await f(spec.url, { method: spec.method, headers: spec.headers, body: spec.body, signal: ctl.signal });
    const reader = res.body?.getReader();
    const source: AsyncIterator<Uint8Array> = reader
      ? { next: () => reader.read() as Promise<IteratorResult<Uint8Array>> }
      : { next: async () => ({ done: true, value: undefined }) };
    const hangUp = () => {
      signal.removeEventListener('abort', onAbort);
      ctl.abort();
    };
    return {
      status: res.status,
      headers: res.headers,
      header: (name) => res.headers.get(name) ?? undefined,
      body: nonClosing(source),
      destroy: hangUp,
      release: () => drain(source, hangUp),
    };
  };
}
