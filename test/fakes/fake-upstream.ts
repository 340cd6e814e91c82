import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { UpstreamConfig } from '../../electron/engine/types';
import type { UpstreamKind } from '../../shared/providers/upstream-kinds';
import { fixtureLines, readFixture } from './fixtures';
import { anthropicRenderer } from './render-anthropic';
import { chatCompletionsRenderer } from './render-chat-completions';
import { geminiRenderer } from './render-gemini';
import type { Rendered, RenderCtx, WireRenderer } from './reply';
import type {
  FakeKind, FakeKindInput, FakeScript, FakeUpstream, RecordedRequest, ScriptSource, StartFakeOptions,
} from './types';

const RENDERERS: Record<FakeKind, WireRenderer> = {
  openai: chatCompletionsRenderer(false),
  openrouter: chatCompletionsRenderer(true),
  anthropic: anthropicRenderer,
  gemini: geminiRenderer,
};

const BASE_PATHS: Record<FakeKind, string> = { openai: '/v1', openrouter: '/api/v1', anthropic: '', gemini: '' };

/** The fake that speaks each upstream kind's wire: a kind without one is a compile error here. */
export const FAKE_KIND_OF: Record<UpstreamKind, FakeKind> = {
  openrouter: 'openrouter',
  'openai-compatible': 'openai',
  anthropic: 'anthropic',
  gemini: 'gemini',
};

const DEFAULT_SCRIPT: FakeScript = { reply: { text: 'Hello from the fake upstream.' } };

interface Route {
  model: string;
  stream: boolean;
}

function route(kind: FakeKind, req: RecordedRequest): Route | undefined {
  const body = (req.body ?? {}) as { model?: unknown; stream?: unknown };
  if (kind === 'gemini') {
    const m = /^\/v1beta\/models\/([^/:]+):(streamGenerateContent|generateContent)$/.exec(req.path);
    return m ? { model: decodeURIComponent(m[1]!), stream: m[2] === 'streamGenerateContent' } : undefined;
  }
  const ok = kind === 'anthropic' ? req.path === '/v1/messages' : req.path.endsWith('/chat/completions');
  return ok ? { model: typeof body.model === 'string' ? body.model : 'fake-model', stream: body.stream === true } : undefined;
}

function hasKey(kind: FakeKind, req: RecordedRequest, key: string): boolean {
  switch (kind) {
    case 'anthropic':
      return req.headers['x-api-key'] === key;
    case 'gemini':
      return req.headers['x-goog-api-key'] === key || req.query.key === key;
    default:
      return req.headers.authorization === `Bearer ${key}`;
  }
}

function modelsBody(kind: FakeKind, models: string[]): unknown {
  if (kind === 'gemini') return { models: models.map((m) => ({ name: `models/${m}` })) };
  if (kind === 'anthropic') return { data: models.map((id) => ({ id, type: 'model', display_name: id })), has_more: false };
  return { object: 'list', data: models.map((id) => ({ id, object: 'model' })) };
}

function record(req: http.IncomingMessage, rawBody: string): RecordedRequest {
  const u = new URL(req.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  let body: unknown;
  try {
    body = rawBody ? JSON.parse(rawBody) : undefined;
  } catch {
    body = undefined;
  }
  return {
    method: req.method ?? 'GET',
    path: u.pathname,
    url: u.pathname + u.search,
    query: Object.fromEntries(u.searchParams),
    headers,
    rawBody,
    body,
    receivedAt: Date.now(),
  };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** Resolves on 'drain' or when the response closes; false if it closed. */
function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  const wait = Number.isFinite(ms) ? ms : 2 ** 31 - 1;
  await sleep(wait, undefined, { signal }).catch(() => {});
}

function renderStream(kind: FakeKind, script: FakeScript, ctx: RenderCtx): Rendered {
  const r = RENDERERS[kind];
  if (script.frames) return { prelude: '', frames: script.frames, terminal: 0 };
  if (script.body !== undefined) return { prelude: '', frames: [script.body], terminal: 0 };
  if (script.fixture?.endsWith('.chunks.txt')) return r.fixtureFrames(fixtureLines(script.fixture), ctx.omitTerminal);
  return r.stream(script.reply ?? DEFAULT_SCRIPT.reply!, ctx);
}

async function writeFrames(
  kind: FakeKind,
  res: http.ServerResponse,
  rendered: Rendered,
  script: FakeScript,
  ctx: RenderCtx,
  signal: AbortSignal,
): Promise<void> {
  const r = RENDERERS[kind];
  const frames = rendered.frames;
  const perWrite = Math.max(1, script.chunksPerWrite ?? 1);
  const interval = script.tokensPerSecond ? 1000 / script.tokensPerSecond : 0;
  const keepAlive = script.keepAliveEvery && script.keepAliveEvery > 0 ? script.keepAliveEvery : 0;
  const mid = script.midStreamError;
  const points = [script.stallAfterChunks?.after, script.resetAfterChunks, script.malformedAfterChunks, script.endAfterChunks, mid?.after]
    .filter((n): n is number => n !== undefined);
  let stalled = false;
  let malformed = false;
  const t0 = performance.now();
  if (rendered.prelude) res.write(rendered.prelude);
  let i = 0;
  for (;;) {
    if (signal.aborted || res.destroyed) return;
    if (mid && i === mid.after) {
      res.end(r.midStreamError(mid.status ?? (kind === 'anthropic' ? 529 : 503), { message: mid.message, type: mid.type }, ctx));
      return;
    }
    if (script.endAfterChunks === i) break;
    if (script.resetAfterChunks === i) {
      res.socket?.destroy();
      return;
    }
    if (script.malformedAfterChunks === i && !malformed) {
      malformed = true;
      res.write(r.malformed);
    }
    if (script.stallAfterChunks && script.stallAfterChunks.after === i && !stalled) {
      stalled = true;
      await pause(script.stallAfterChunks.ms ?? Infinity, signal);
      if (signal.aborted || res.destroyed) return;
    }
    if (i >= frames.length) break;
    let end = Math.min(frames.length, i + perWrite);
    for (const p of points) if (p > i && p < end) end = p;
    if (interval > 0) {
      const wait = t0 + i * interval - performance.now();
      if (wait >= 1) {
        await pause(wait, signal);
        if (signal.aborted || res.destroyed) return;
      }
    }
    let piece: string;
    if (keepAlive) {
      piece = '';
      for (let k = i; k < end; k++) piece += (k > 0 && k % keepAlive === 0 ? r.keepAlive : '') + frames[k];
    } else {
      piece = end - i === 1 ? frames[i]! : frames.slice(i, end).join('');
    }
    i = end;
    if (!res.write(piece)) await drained(res);
  }
  res.end();
}

export async function startFakeUpstream(kindInput: FakeKindInput, opts: StartFakeOptions = {}): Promise<FakeUpstream> {
  const kind: FakeKind = kindInput === 'openai-compatible' ? 'openai' : kindInput;
  const renderer = RENDERERS[kind];
  const queue: ScriptSource[] = [];
  let fallback: ScriptSource = opts.defaultScript ?? DEFAULT_SCRIPT;
  const requests: RecordedRequest[] = [];
  const life = new AbortController();
  let seq = 0;

  const sendJson = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

  async function respond(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rec = record(req, await readBody(req));
    requests.push(rec);
    const n = ++seq;
    const listing = rec.method === 'GET' && rec.path.endsWith('/models');
    const r = route(kind, rec);
    if (!listing && (!r || rec.method !== 'POST')) {
      sendJson(res, 404, renderer.errorBody(404, { message: `No route for ${rec.method} ${rec.path}` }));
      return;
    }
    if (opts.requireKey !== undefined && !hasKey(kind, rec, opts.requireKey)) {
      if (kind === 'gemini') {
        sendJson(res, 400, {
          error: {
            code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT',
            details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }],
          },
        });
      } else {
        // Like OpenAI, echo the presented key masked, so tests can check that Parley scrubs it.
        const presented = (rec.headers.authorization ?? rec.headers['x-api-key'] ?? '').replace(/^Bearer /, '');
        const masked = presented.length > 10 ? `${presented.slice(0, 6)}****${presented.slice(-4)}` : '(none)';
        sendJson(res, 401, renderer.errorBody(401, { message: `Incorrect API key provided: ${masked}.` }));
      }
      return;
    }
    if (listing || !r) {
      sendJson(res, 200, modelsBody(kind, opts.models ?? ['fake-model']));
      return;
    }
    const source = queue.length > 0 ? queue.shift()! : fallback;
    const script = typeof source === 'function' ? source(rec) : source;

    const reqLife = new AbortController();
    const onEnd = () => reqLife.abort();
    res.on('close', onEnd);
    life.signal.addEventListener('abort', onEnd, { once: true });
    try {
      if (script.resetBeforeHeaders) {
        req.socket.destroy();
        return;
      }
      if (script.stallBeforeHeadersMs) {
        await pause(script.stallBeforeHeadersMs, reqLife.signal);
        if (reqLife.signal.aborted) return;
      }
      const headers: Record<string, string> = {};
      if (kind === 'openrouter') headers['x-generation-id'] = script.generationId ?? `gen-fake-${n}`;
      if (kind === 'anthropic') headers['request-id'] = `req_fake_${n}`;
      if (script.retryAfter !== undefined) headers['retry-after'] = String(script.retryAfter);
      if (script.retryAfterMs !== undefined) headers['retry-after-ms'] = String(script.retryAfterMs);
      Object.assign(headers, script.headers);
      const status = script.status ?? 200;
      if (status >= 400) {
        sendJson(res, status, script.body ?? renderer.errorBody(status, script.error ?? {}), headers);
        return;
      }
      const ctx: RenderCtx = { model: r.model, omitTerminal: script.omitTerminal === true, seq: n };
      const stream = script.stream ?? r.stream;
      if (!stream) {
        const body = script.body ?? (script.fixture ? readFixture(script.fixture) : renderer.json(script.reply ?? DEFAULT_SCRIPT.reply!, ctx));
        if (script.resetAfterChunks !== undefined) {
          // Headers, half the body, then a reset.
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          const text = typeof body === 'string' ? body : JSON.stringify(body);
          res.write(text.slice(0, Math.floor(text.length / 2)));
          res.socket?.destroy();
          return;
        }
        sendJson(res, status, body, headers);
        return;
      }
      res.writeHead(status, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
      res.flushHeaders();
      await writeFrames(kind, res, renderStream(kind, script, ctx), script, ctx, reqLife.signal);
    } finally {
      res.off('close', onEnd);
      life.signal.removeEventListener('abort', onEnd);
    }
  }

  const server = http.createServer((req, res) => {
    respond(req, res).catch((err: unknown) => {
      console.error('fake upstream failed:', err);
      if (!res.headersSent) sendJson(res, 500, { error: { message: 'fake upstream crashed' } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = opts.keepAliveTimeoutMs ?? 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const url = origin + BASE_PATHS[kind];
  const upstreamKind = kind === 'openai' ? 'openai-compatible' : kind;

  return {
    kind,
    url,
    origin,
    port,
    requests,
    enqueue: (...scripts) => {
      queue.push(...scripts);
    },
    setDefault: (script) => {
      fallback = script;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      fallback = opts.defaultScript ?? DEFAULT_SCRIPT;
    },
    upstream: (overrides = {}): UpstreamConfig => ({
      id: `fake:${kind}`,
      kind: upstreamKind,
      label: `Fake ${kind}`,
      baseUrl: url,
      isByok: kind !== 'openrouter',
      ...overrides,
    }),
    close: async () => {
      life.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
