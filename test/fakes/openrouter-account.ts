import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A fake OpenRouter account API on 127.0.0.1 (docs/openrouter-api.md §4.1–4.3, §5, §8.1):
// /api/v1/credits, /api/v1/key, /api/v1/generation?id=, /api/v1/models. Keys, generations and models are plain
// state the test edits; `respondNext(path, reply)` scripts one-off answers (any status, body, headers) that win
// over the state, in order, once each.

export interface FakeKeyData {
  label?: string;
  limit?: number | null;
  limit_reset?: string | null;
  limit_remaining?: number | null;
  include_byok_in_limit?: boolean;
  usage?: number;
  usage_daily?: number;
  usage_weekly?: number;
  usage_monthly?: number;
  byok_usage?: number;
  byok_usage_daily?: number;
  byok_usage_weekly?: number;
  byok_usage_monthly?: number;
  is_free_tier?: boolean;
  is_management_key?: boolean;
  rate_limit?: { requests: number; interval: string; note?: string };
  [extra: string]: unknown;
}

export interface FakeAccountKey {
  credits?: { total_credits: number; total_usage: number };
  creditsForbidden?: boolean; // /credits → 403 for this key (non-management key, current spec)
  outOfCredits?: boolean; // every authenticated endpoint → 402
  key: FakeKeyData;
}

export interface FakeGeneration {
  data: Record<string, unknown> & { id: string };
  lag?: number; // answer 404 this many more times before the record "appears"
}

export interface ScriptedReply {
  status: number;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface FakeAccountState {
  keys: Record<string, FakeAccountKey>; // bearer token → account
  generations: Record<string, FakeGeneration>;
  models: unknown[];
}

export interface SeenRequest {
  method: string;
  path: string; // without query
  query: string;
  authorization: string | undefined;
}

export interface FakeOpenRouterAccount {
  baseUrl: string; // http://127.0.0.1:<port>/api/v1
  state: FakeAccountState;
  requests: SeenRequest[];
  respondNext(path: string, reply: ScriptedReply): void;
  close(): Promise<void>;
}

const err = (code: number, message: string) => ({ error: { code, message } });

export function sampleKeyData(overrides: Partial<FakeKeyData> = {}): FakeKeyData {
  return {
    label: 'sk-or-v1-0e6...1c96',
    limit: 100,
    limit_reset: 'monthly',
    limit_remaining: 74.5,
    include_byok_in_limit: false,
    usage: 25.5,
    usage_daily: 1.25,
    usage_weekly: 6.5,
    usage_monthly: 25.5,
    byok_usage: 17.38,
    byok_usage_daily: 0.5,
    byok_usage_weekly: 3.2,
    byok_usage_monthly: 17.38,
    is_free_tier: false,
    is_management_key: false,
    is_provisioning_key: false,
    creator_user_id: 'user_123',
    expires_at: null,
    rate_limit: { requests: 1000, interval: '1h', note: 'This field is deprecated and safe to ignore.' },
    ...overrides,
  };
}

export function sampleGeneration(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> & { id: string } {
  return {
    id,
    request_id: 'req-1',
    upstream_id: 'chatcmpl-1',
    created_at: '2026-09-16T12:00:00.000000+00:00',
    model: 'anthropic/claude-sonnet-4.5',
    router: null,
    provider_name: 'Anthropic',
    api_type: 'completions',
    total_cost: 0.0105,
    usage: 0.0105,
    upstream_inference_cost: null,
    cache_discount: 0,
    is_byok: false,
    streamed: true,
    cancelled: false,
    latency: 1250,
    moderation_latency: 50,
    generation_time: 1200,
    finish_reason: 'stop',
    native_finish_reason: 'end_turn',
    tokens_prompt: 1000,
    tokens_completion: 500,
    native_tokens_prompt: 1000,
    native_tokens_completion: 500,
    native_tokens_reasoning: 0,
    native_tokens_cached: 0,
    num_media_prompt: 0,
    num_search_results: 0,
    ...overrides,
  };
}

export async function startFakeOpenRouterAccount(initial: Partial<FakeAccountState> = {}): Promise<FakeOpenRouterAccount> {
  const state: FakeAccountState = { keys: {}, generations: {}, models: [], ...initial };
  const requests: SeenRequest[] = [];
  const scripted = new Map<string, ScriptedReply[]>();

  const send = (res: ServerResponse, reply: ScriptedReply) => {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.rawBody ?? JSON.stringify(reply.body ?? {}));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    requests.push({ method: req.method ?? 'GET', path, query: url.search, authorization: req.headers.authorization });
    const queue = scripted.get(path);
    if (queue?.length) return send(res, queue.shift()!);
    if (req.method !== 'GET') return send(res, { status: 405, body: err(405, 'Method not allowed') });

    if (path === '/models') return send(res, { status: 200, body: { data: state.models } });

    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const account = token ? state.keys[token] : undefined;
    if (!account) return send(res, { status: 401, body: err(401, token ? 'User not found.' : 'No auth credentials found') });
    if (account.outOfCredits) return send(res, { status: 402, body: err(402, 'Insufficient credits. Add more using https://openrouter.ai/credits') });

    switch (path) {
      case '/credits':
        if (account.creditsForbidden || !account.credits) return send(res, { status: 403, body: err(403, 'Only management keys can perform this operation') });
        return send(res, { status: 200, body: { data: account.credits } });
      case '/key':
      case '/auth/key':
        return send(res, { status: 200, body: { data: account.key } });
      case '/generation': {
        const id = url.searchParams.get('id') ?? '';
        const gen = state.generations[id];
        if (!gen || (gen.lag ?? 0) > 0) {
          if (gen) gen.lag = (gen.lag ?? 0) - 1;
          return send(res, { status: 404, body: err(404, `Generation ${id} not found`) });
        }
        return send(res, { status: 200, body: { data: gen.data } });
      }
      default:
        return send(res, { status: 404, body: err(404, 'Not found') });
    }
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    state,
    requests,
    respondNext(path, reply) {
      const q = scripted.get(path) ?? [];
      q.push(reply);
      scripted.set(path, q);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
