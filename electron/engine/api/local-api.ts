import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatCompletionChunk, ErrorBody } from '../../../shared/openrouter/chat-response';
import type { ChatOptions, ChatResult } from '../engine';
import { bearerMatches, isLoopbackHost, resolveApiToken } from './auth';
import { openRouterChunks } from './openrouter-chunks';
import { SseWriter } from './sse-writer';

// OpenRouter's API on 127.0.0.1 for other tools on this machine: POST /api/v1/chat/completions (SSE or JSON)
// and GET /api/v1/models, behind a bearer token. A client that disconnects cancels the upstream request.

export interface LocalApiOptions {
  engine: { chat(req: unknown, opts: ChatOptions): Promise<ChatResult> };
  port?: number; // 0 or absent = any free port
  token?: string; // default PARLEY_API_TOKEN, else generated
  models?: () => unknown[] | Promise<unknown[]>; // OpenRouter-shaped model objects for GET /models
  env?: Readonly<Record<string, string | undefined>>;
  maxBodyBytes?: number; // default 32 MiB
}

export interface LocalApi {
  url: string; // http://127.0.0.1:<port>/api/v1 — what an OpenAI/OpenRouter client takes as base URL
  port: number;
  token: string;
  close(): Promise<void>;
}

const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
const SSE_HEADERS = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Content-Type-Options': 'nosniff' };

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(text), ...headers }).end(text);
}

function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  const error: ErrorBody = { code: status, message };
  sendJson(res, status, { error }, headers);
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

export async function startLocalApi(opts: LocalApiOptions): Promise<LocalApi> {
  const token = resolveApiToken(opts.token, opts.env ?? process.env);
  const maxBody = opts.maxBodyBytes ?? 32 * 1024 * 1024;
  let port = 0;

  async function chatCompletions(req: IncomingMessage, res: ServerResponse) {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, maxBody));
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendError(res, 413, 'Request body too large.');
      return sendError(res, 400, 'Request body is not valid JSON.');
    }
    const ctl = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) ctl.abort();
    });
    const streaming = (body as { stream?: unknown } | null)?.stream === true;
    let started = false;
    const sse = new SseWriter(res);
    const onChunk = (chunk: ChatCompletionChunk): void | Promise<void> => {
      if (res.destroyed) return;
      if (!started) {
        started = true;
        res.writeHead(200, { ...SSE_HEADERS, 'X-Generation-Id': chunk.id });
      }
      return sse.write(chunk);
    };
    const result = await opts.engine.chat(body, { signal: ctl.signal, onEvent: openRouterChunks(onChunk), source: 'local-api' });
    if (res.destroyed || ctl.signal.aborted) return;
    const idHeader = { 'X-Generation-Id': result.record.id };
    if (result.error) {
      if (started) return sse.end(); // the error chunk already went out
      return sendJson(res, result.error.status, { error: result.error.error }, idHeader);
    }
    if (!streaming) return sendJson(res, 200, result.completion, idHeader);
    if (!started) res.writeHead(200, { ...SSE_HEADERS, ...idHeader });
    sse.end(result.record.error ? undefined : 'data: [DONE]\n\n');
  }

  const server = createServer((req, res) => {
    if (!isLoopbackHost(req.headers.host, port)) return sendError(res, 403, 'Forbidden host.');
    if (!bearerMatches(req.headers.authorization, token)) {
      return sendError(res, 401, 'Missing or invalid bearer token. Use the token shown in Parley’s settings.', { 'WWW-Authenticate': 'Bearer' });
    }
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '');
    if (path === '/api/v1/chat/completions') {
      if (req.method !== 'POST') return sendError(res, 405, 'Use POST.', { Allow: 'POST' });
      chatCompletions(req, res).catch((err: unknown) => {
        console.error(`local API request failed: ${(err as Error)?.name ?? 'Error'}`);
        if (!res.headersSent) sendError(res, 500, 'Internal error.');
        else res.destroy();
      });
      return;
    }
    if (path === '/api/v1/models') {
      if (req.method !== 'GET') return sendError(res, 405, 'Use GET.', { Allow: 'GET' });
      Promise.resolve(opts.models?.() ?? [])
        .then((data) => sendJson(res, 200, { data }))
        .catch(() => sendError(res, 500, 'Could not list models.'));
      return;
    }
    sendError(res, 404, `No route for ${req.method} ${path}.`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
