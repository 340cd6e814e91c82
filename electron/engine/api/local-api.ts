import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatOptions, ChatResult } from '../engine';
import type { WorstCase } from '../record/worst-case-cost';
import { answer } from './answer-route';
import { bearerToken, isLoopbackHost, resolveApiToken, singleTokenAccess, type ApiCaller, type LocalApiAccess } from './auth';
import { answerPreflight, applyCors } from './cors';
import { readJson, sendError, sendEngineError } from './http-io';
import { credits, generation, keyInfo, listModels, modelEndpoints, oneModel, type LocalApiData } from './info-routes';
import { chatRequestFromPrompt } from './text-completion';

// OpenRouter's API on 127.0.0.1 for the other apps on this machine (docs/openrouter-api.md §12): chat and legacy
// completions (SSE or JSON), the model list, per-model endpoints, generations, and the calling key's usage and
// limits. Every request must be addressed to the loopback name (no DNS rebinding) and carry an app key; browser
// origins are refused unless allowed (CORS).

export interface LocalApiOptions {
  /** `worstCase` bounds a request's cost before it is sent, for keys with limits (absent: unknown, capped). */
  engine: { chat(req: unknown, opts: ChatOptions): Promise<ChatResult>; worstCase?(req: unknown): WorstCase };
  port?: number; // 0 or absent = any free port
  /** The app keys and their limits. Without it, one bearer token: `token`, else PARLEY_API_TOKEN, else generated. */
  access?: LocalApiAccess;
  token?: string;
  data?: LocalApiData;
  /** Browser origins allowed to call (read on every request, so a settings change applies at once). */
  corsOrigins?: () => readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
  maxBodyBytes?: number; // default 32 MiB
}

export interface LocalApi {
  url: string; // http://127.0.0.1:<port>/api/v1 — what an OpenAI/OpenRouter client takes as base URL
  port: number;
  token: string | null; // the single token, when no `access` was given
  close(): Promise<void>;
}

const PREFIX = '/api/v1';

export async function startLocalApi(opts: LocalApiOptions): Promise<LocalApi> {
  const token = opts.access ? null : resolveApiToken(opts.token, opts.env ?? process.env);
  const access = opts.access ?? singleTokenAccess(token!);
  const data = opts.data ?? {};
  const maxBody = opts.maxBodyBytes ?? 32 * 1024 * 1024;
  const deps = { engine: opts.engine, ...(access.admit ? { admit: access.admit } : {}) };
  let port = 0;

  function authenticate(req: IncomingMessage, res: ServerResponse): ApiCaller | undefined {
    const given = bearerToken(req.headers.authorization);
    const outcome = given === undefined ? undefined : access.authenticate(given);
    if (outcome?.ok) return outcome.caller;
    const message = outcome?.reason === 'disabled'
      ? 'This app key is disabled. Enable it in Parley’s Settings → Local API.'
      : 'Missing or invalid bearer token. Use an app key from Parley’s Settings → Local API.';
    sendError(res, 401, message, { 'WWW-Authenticate': 'Bearer' }, { error_type: 'authentication' });
    return undefined;
  }

  function post(req: IncomingMessage, res: ServerResponse, caller: ApiCaller, legacy: boolean) {
    if (req.method !== 'POST') return sendError(res, 405, 'Use POST.', { Allow: 'POST' });
    void (async () => {
      const read = await readJson(req, res, maxBody);
      if (!read.ok) return;
      let body = read.body;
      if (legacy) {
        const translated = chatRequestFromPrompt(body);
        if (!translated.ok) return sendEngineError(res, translated.error);
        body = translated.request;
      }
      await answer(res, body, caller, deps, legacy ? 'text_completion' : 'chat.completion.chunk');
    })().catch((err: unknown) => {
      console.error(`local API request failed: ${(err as Error)?.name ?? 'Error'}`);
      if (!res.headersSent) sendError(res, 500, 'Internal error.', {}, { error_type: 'server' });
      else res.destroy();
    });
  }

  /** The handler of a GET route, or undefined when the path is none of them. */
  function getRoute(sub: string, query: string, res: ServerResponse, caller: ApiCaller): (() => void) | undefined {
    if (sub === '/models') return () => listModels(res, data, false, query);
    if (sub === '/models/count') return () => listModels(res, data, true);
    const one = /^\/model\/([^/]+\/[^/]+)$/.exec(sub);
    if (one) return () => oneModel(res, data, decodeURIComponent(one[1]!));
    const endpoints = /^\/models\/(.+\/.+)\/endpoints$/.exec(sub);
    if (endpoints) return () => modelEndpoints(res, data, decodeURIComponent(endpoints[1]!));
    if (sub === '/generation') return () => generation(res, data, query, caller);
    if (sub === '/key' || sub === '/auth/key') return () => keyInfo(res, data, caller);
    if (sub === '/credits') return () => credits(res, data, caller);
    return undefined;
  }

  function route(req: IncomingMessage, res: ServerResponse, caller: ApiCaller) {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = (q < 0 ? url : url.slice(0, q)).replace(/\/+$/, '');
    const sub = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : '';
    if (sub === '/chat/completions') return post(req, res, caller, false);
    if (sub === '/completions') return post(req, res, caller, true);
    const handler = sub ? getRoute(sub, q < 0 ? '' : url.slice(q + 1), res, caller) : undefined;
    if (!handler) return sendError(res, 404, `No route for ${req.method} ${path}.`, {}, { error_type: 'not_found' });
    if (req.method !== 'GET') return sendError(res, 405, 'Use GET.', { Allow: 'GET' });
    handler();
  }

  const server = createServer((req, res) => {
    if (!isLoopbackHost(req.headers.host, port)) return sendError(res, 403, 'Forbidden host.', {}, { error_type: 'permission_denied' });
    const cors = applyCors(req, res, opts.corsOrigins?.() ?? []);
    if (cors === 'refused') {
      return sendError(res, 403, 'This origin may not call Parley’s local API. Allow it in Settings → Local API.', {}, { error_type: 'permission_denied' });
    }
    if (req.method === 'OPTIONS') {
      if (cors === 'allowed') return answerPreflight(req, res);
      res.writeHead(204, { Allow: 'GET, POST, OPTIONS', 'Content-Length': '0' }).end();
      return;
    }
    const caller = authenticate(req, res);
    if (caller) route(req, res, caller);
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
    url: `http://127.0.0.1:${port}${PREFIX}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
