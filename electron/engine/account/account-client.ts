import type { z } from 'zod';
import { usdToMicros } from '../../../shared/billing/money';
import { redactSecrets } from '../errors';
import { createScrubber, secretForms } from '../providers/common/scrub';
import { creditsResponseSchema, errorEnvelopeSchema, generationResponseSchema, keyResponseSchema } from './schemas';
import type { AccountError, AccountErrorKind, AccountResult, BalanceInfo, FreeModelLimits, GenerationStats, KeyInfo } from './types';

// OpenRouter account client (docs/openrouter-api.md §4.1–4.3, §9.3): balance, key limits and usage,
// per-generation stats. Pure Node; `fetch` and the base URL are injectable. It never throws for HTTP or network
// trouble: every call resolves to { ok, value } or { ok: false, error } with a message fit to show, which never
// contains the key.

export const DEFAULT_OPENROUTER_API = 'https://openrouter.ai/api/v1';
export const FREE_MODEL_RPM = 20;
export const FREE_MODEL_RPD_NO_CREDITS = 50;
export const FREE_MODEL_RPD_WITH_CREDITS = 1000;

export interface AccountClientOptions {
  apiKey: string;
  baseUrl?: string; // default https://openrouter.ai/api/v1
  fetch?: typeof fetch;
  timeoutMs?: number; // per request, default 15 s
}

export interface AccountClient {
  /** Credits left on the account; falls back to the key's own limit when /credits is forbidden for this key. */
  getBalance(): Promise<AccountResult<BalanceInfo>>;
  getKeyInfo(): Promise<AccountResult<KeyInfo>>;
  getGeneration(id: string): Promise<AccountResult<GenerationStats>>;
}

const micros = (usd: number | null | undefined): number | null => (usd === null || usd === undefined ? null : (usdToMicros(usd) ?? null));
const orNull = <T>(x: T | null | undefined): T | null => (x === undefined ? null : x);

export function freeModelLimits(isFreeTier: boolean | null): FreeModelLimits {
  if (isFreeTier === false) {
    return { requestsPerMinute: FREE_MODEL_RPM, requestsPerDay: FREE_MODEL_RPD_WITH_CREDITS, basis: 'credits have been bought on this account' };
  }
  return {
    requestsPerMinute: FREE_MODEL_RPM,
    requestsPerDay: FREE_MODEL_RPD_NO_CREDITS,
    basis: isFreeTier ? 'no credits bought yet (1,000 a day after buying at least $10)' : 'unknown purchase history; assuming the lower limit',
  };
}

function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return Math.round(secs * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

function messageFor(kind: AccountErrorKind, status: number | null, detail: string | undefined, retryAfterMs?: number): string {
  switch (kind) {
    case 'invalid-key':
      return 'OpenRouter did not accept the API key (invalid, disabled or expired). Check the key in Settings.';
    case 'out-of-credits':
      return 'The OpenRouter account is out of credits, or this key reached its spending limit. Add credits at openrouter.ai/credits or raise the key limit.';
    case 'rate-limited':
      return `OpenRouter is rate-limiting requests: slow down${retryAfterMs !== undefined ? ` and retry in ${Math.ceil(retryAfterMs / 1000)} s` : ' and retry shortly'}.`;
    case 'forbidden':
      return `OpenRouter refused this request for this key (HTTP 403)${detail ? `: ${detail}` : ''}.`;
    case 'not-found':
      return `OpenRouter has no such record (HTTP 404)${detail ? `: ${detail}` : ''}.`;
    case 'server':
      return `OpenRouter had a server problem (HTTP ${status}). Try again later.`;
    case 'network':
      return `Could not reach OpenRouter${detail ? `: ${detail}` : ''}.`;
    case 'bad-response':
      return `OpenRouter sent a response Parley could not read${detail ? ` (${detail})` : ''}.`;
  }
}

function kindForStatus(status: number): AccountErrorKind {
  if (status === 401) return 'invalid-key';
  if (status === 402) return 'out-of-credits';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-response';
}

export function createAccountClient(opts: AccountClientOptions): AccountClient {
  const base = (opts.baseUrl ?? DEFAULT_OPENROUTER_API).replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const clean = (s: string) => redactSecrets(s, [opts.apiKey]).slice(0, 300);
  // Names OpenRouter reports (provider, model, finish reasons) are shown and journaled: one that carries the key
  // (reflected by a hostile endpoint) is dropped.
  const scrub = createScrubber([opts.apiKey]);
  const name = (v: string | null | undefined): string | null => (v == null ? null : scrub.id(v) ?? null);
  // The key's label is OpenRouter's own masked form of it by default ("sk-or-v1-0e6...1c96"): kept, unless it holds
  // the whole key in some form.
  const forms = opts.apiKey && opts.apiKey.length >= 4 ? secretForms(opts.apiKey) : [];
  const keyLabel = (v: string | null): string | null => (v !== null && forms.some((f) => v.includes(f)) ? null : v);
  const fail = (kind: AccountErrorKind, status: number | null, detail?: string, retryAfterMs?: number): { ok: false; error: AccountError } => {
    const error: AccountError = { kind, status, message: clean(messageFor(kind, status, detail ? clean(detail) : undefined, retryAfterMs)) };
    if (retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs;
    return { ok: false, error };
  };

  async function getJson<S extends z.ZodType>(path: string, schema: S): Promise<AccountResult<z.infer<S>>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let res: Response;
      try {
        res = await doFetch(`${base}${path}`, {
          method: 'GET',
          headers: { authorization: `Bearer ${opts.apiKey}`, accept: 'application/json' },
          signal: controller.signal,
        });
      } catch (err) {
        const detail = controller.signal.aborted ? `no answer within ${Math.round(timeoutMs / 1000)} s` : err instanceof Error ? err.message : String(err);
        return fail('network', null, detail);
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        body = undefined;
      }
      if (!res.ok) {
        const env = errorEnvelopeSchema.safeParse(body);
        const detail = env.success ? env.data.error.message : undefined;
        return fail(kindForStatus(res.status), res.status, detail, parseRetryAfter(res.headers.get('retry-after')));
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) return fail('bad-response', res.status, body === undefined ? 'not JSON' : 'unexpected fields');
      return { ok: true, value: parsed.data };
    } catch (err) {
      return fail('network', null, err instanceof Error ? err.message : String(err));
    } finally {
      clearTimeout(timer);
    }
  }

  async function getKeyInfo(): Promise<AccountResult<KeyInfo>> {
    const r = await getJson('/key', keyResponseSchema);
    if (!r.ok) return r;
    const d = r.value.data;
    const isFreeTier = orNull(d.is_free_tier);
    return {
      ok: true,
      value: {
        label: keyLabel(orNull(d.label)),
        limitMicros: micros(d.limit),
        limitRemainingMicros: micros(d.limit_remaining),
        limitReset: orNull(d.limit_reset),
        includeByokInLimit: d.include_byok_in_limit === true,
        usageMicros: micros(d.usage),
        usageDailyMicros: micros(d.usage_daily),
        usageWeeklyMicros: micros(d.usage_weekly),
        usageMonthlyMicros: micros(d.usage_monthly),
        byokUsageMicros: micros(d.byok_usage),
        byokUsageDailyMicros: micros(d.byok_usage_daily),
        byokUsageWeeklyMicros: micros(d.byok_usage_weekly),
        byokUsageMonthlyMicros: micros(d.byok_usage_monthly),
        isFreeTier,
        isManagementKey: d.is_management_key === true,
        expiresAt: orNull(d.expires_at),
        rateLimit: d.rate_limit ? { requests: d.rate_limit.requests, interval: d.rate_limit.interval } : null,
        freeModelLimits: freeModelLimits(isFreeTier),
      },
    };
  }

  async function getBalance(): Promise<AccountResult<BalanceInfo>> {
    const credits = await getJson('/credits', creditsResponseSchema);
    if (credits.ok) {
      const total = micros(credits.value.data.total_credits);
      const used = micros(credits.value.data.total_usage);
      return {
        ok: true,
        value: {
          source: 'credits',
          balanceMicros: total !== null && used !== null ? total - used : null,
          totalCreditsMicros: total,
          totalUsageMicros: used,
          key: null,
        },
      };
    }
    if (credits.error.kind !== 'forbidden') return credits;
    const key = await getKeyInfo();
    if (!key.ok) return key;
    const k = key.value;
    return {
      ok: true,
      value: {
        source: 'key',
        balanceMicros: k.limitRemainingMicros,
        totalCreditsMicros: null,
        totalUsageMicros: null,
        key: k,
        note:
          k.limitRemainingMicros === null
            ? 'This key may not read the account balance (a management key can), and it has no spending limit of its own.'
            : "This key may not read the account balance (a management key can); showing what is left of the key's own limit.",
      },
    };
  }

  async function getGeneration(id: string): Promise<AccountResult<GenerationStats>> {
    const r = await getJson(`/generation?id=${encodeURIComponent(id)}`, generationResponseSchema);
    if (!r.ok) return r;
    const d = r.value.data;
    return {
      ok: true,
      value: {
        id: d.id,
        model: name(orNull(d.model)),
        provider: name(orNull(d.provider_name)),
        createdAt: orNull(d.created_at),
        totalCostMicros: micros(d.total_cost ?? d.usage),
        upstreamInferenceCostMicros: micros(d.upstream_inference_cost),
        cacheDiscountMicros: micros(d.cache_discount),
        isByok: d.is_byok === true,
        streamed: orNull(d.streamed),
        cancelled: orNull(d.cancelled),
        finishReason: name(orNull(d.finish_reason)),
        nativeFinishReason: name(orNull(d.native_finish_reason)),
        latencyMs: orNull(d.latency),
        generationTimeMs: orNull(d.generation_time),
        tokens: { prompt: orNull(d.tokens_prompt), completion: orNull(d.tokens_completion) },
        nativeTokens: {
          prompt: orNull(d.native_tokens_prompt),
          completion: orNull(d.native_tokens_completion),
          reasoning: orNull(d.native_tokens_reasoning),
          cached: orNull(d.native_tokens_cached),
        },
      },
    };
  }

  return { getBalance, getKeyInfo, getGeneration };
}
