import type { EngineError } from '../../engine';
import { formatMicros } from '../../../shared/billing/money';
import type { StoredAppKey } from './app-key-store';
import type { KeySpendFigures } from './app-key-spend';

// An app key's limits against what it spent (docs/openrouter-api.md §12.2): the check made before a request is
// sent (402, OpenRouter's "out of credits", when any limit is used up), and the figures /key and /credits report.
// Days and months are UTC, as OpenRouter counts key usage.

type Period = 'life' | 'day' | 'month';

interface LimitState {
  period: Period;
  limitMicros: number;
  spentMicros: number;
  resetsAt: number | null; // ms epoch, null for the credit limit
}

function limitsOf(key: StoredAppKey, spend: KeySpendFigures, now: number): LimitState[] {
  const d = new Date(now);
  const out: LimitState[] = [];
  if (key.limitMicros !== null) out.push({ period: 'life', limitMicros: key.limitMicros, spentMicros: spend.all.total, resetsAt: null });
  if (key.monthlyMicros !== null) {
    out.push({ period: 'month', limitMicros: key.monthlyMicros, spentMicros: spend.all.month, resetsAt: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) });
  }
  if (key.dailyMicros !== null) {
    out.push({ period: 'day', limitMicros: key.dailyMicros, spentMicros: spend.all.day, resetsAt: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) });
  }
  return out;
}

const NAMES: Record<Period, string> = { life: 'credit limit', day: 'daily budget', month: 'monthly budget' };
const SOURCES: Record<Period, string> = { life: 'key_limit', day: 'key_daily_budget', month: 'key_monthly_budget' };

/** What admitting a request asks of a key's limits: the most it may cost, and what requests in flight hold. */
export interface Ask {
  needMicros: number;
  reservedMicros: number;
}

/** A 402 in OpenRouter's envelope when a limit is used up, or when what is spent, what requests in flight hold
 * and this request's worst case would together pass it; nothing is sent upstream then. */
export function refusal(key: StoredAppKey, spend: KeySpendFigures, now = Date.now(), ask: Ask = { needMicros: 0, reservedMicros: 0 }): EngineError | undefined {
  const limits = limitsOf(key, spend, now);
  const usedUp = limits.find((l) => l.spentMicros >= l.limitMicros);
  const hit = usedUp ?? limits.find((l) => l.spentMicros + ask.reservedMicros + ask.needMicros > l.limitMicros);
  if (!hit) return undefined;
  const reset = hit.resetsAt === null ? 'Raise it in Parley’s Settings → Local API.' : `It resets at ${new Date(hit.resetsAt).toISOString()}.`;
  const left = Math.max(0, hit.limitMicros - hit.spentMicros - ask.reservedMicros);
  const inFlight = ask.reservedMicros > 0 ? `, ${formatMicros(ask.reservedMicros)} held by requests in flight` : '';
  const message = usedUp
    ? `App key "${key.label}" has used its ${NAMES[hit.period]}: ${formatMicros(hit.spentMicros)} of ${formatMicros(hit.limitMicros)}. ${reset}`
    : `App key "${key.label}" cannot afford this request under its ${NAMES[hit.period]}: it may cost up to ${formatMicros(ask.needMicros)} ` +
      `and ${formatMicros(left)} is left (${formatMicros(hit.spentMicros)} spent of ${formatMicros(hit.limitMicros)}${inFlight}). ` +
      `Lower max_tokens, wait for requests in flight to end, or ${hit.resetsAt === null ? 'raise the limit in Parley’s Settings → Local API.' : `wait until ${new Date(hit.resetsAt).toISOString()}.`}`;
  const metadata = {
    error_type: 'payment_required',
    limit_source: SOURCES[hit.period],
    limit_usd: hit.limitMicros / 1e6,
    spend_usd: hit.spentMicros / 1e6,
    reserved_usd: ask.reservedMicros / 1e6,
    needed_usd: ask.needMicros / 1e6,
    remaining_usd: left / 1e6,
    resets_at: hit.resetsAt === null ? null : new Date(hit.resetsAt).toISOString(),
  };
  return { status: 402, error: { code: 402, message, metadata } };
}

const usd = (micros: number) => micros / 1e6;
const remainingOf = (limits: LimitState[]) => Math.max(0, Math.min(...limits.map((l) => l.limitMicros - l.spentMicros)));

/** GET /key for an app key, in OpenRouter's shape (docs/openrouter-api.md §4.2). `limit` is the credit limit, else
 * the monthly, else the daily budget; `limit_remaining` is what the tightest of them still allows. */
export function keyInfo(key: StoredAppKey, spend: KeySpendFigures, now = Date.now(), reservedMicros = 0) {
  const limits = limitsOf(key, spend, now);
  const shown = limits[0];
  const remaining = limits.length ? remainingOf(limits) : null;
  return {
    label: key.label,
    limit: shown ? usd(shown.limitMicros) : null,
    limit_reset: shown ? ({ life: null, month: 'monthly', day: 'daily' } as const)[shown.period] : null,
    limit_remaining: remaining === null ? null : usd(remaining),
    include_byok_in_limit: true,
    usage: usd(spend.all.total),
    usage_daily: usd(spend.all.day),
    usage_weekly: usd(spend.all.week),
    usage_monthly: usd(spend.all.month),
    byok_usage: usd(spend.byok.total),
    byok_usage_daily: usd(spend.byok.day),
    byok_usage_weekly: usd(spend.byok.week),
    byok_usage_monthly: usd(spend.byok.month),
    is_free_tier: false,
    is_management_key: false,
    is_provisioning_key: false,
    expires_at: null,
    // What OpenRouter's schema requires and an app key does not have: no account, no region policy, no
    // free-model quota of its own, no rate limit (docs/openrouter-api.md §12.2).
    creator_user_id: null,
    organization_id: null,
    workspace_id: null,
    allowed_data_regions: ['global'],
    free_model_daily_requests: { limit: 0, remaining: 0, used: 0 },
    rate_limit: { requests: -1, interval: '10s', note: 'This field is deprecated and safe to ignore.' },
    // Parley: each limit a key may have, in USD (null = none).
    credit_limit: key.limitMicros === null ? null : usd(key.limitMicros),
    daily_limit: key.dailyMicros === null ? null : usd(key.dailyMicros),
    monthly_limit: key.monthlyMicros === null ? null : usd(key.monthlyMicros),
    // Parley: what this key's requests in flight hold against its limits until they end (not part of `usage`).
    reserved: usd(reservedMicros),
  };
}

/** GET /credits for an app key: its spend and what its limits allow, or undefined for a key without limits (an
 * unlimited key has no credit figure; OpenRouter itself answers 403 to keys that may not see the account). */
export function credits(key: StoredAppKey, spend: KeySpendFigures, now = Date.now()) {
  const limits = limitsOf(key, spend, now);
  if (limits.length === 0) return undefined;
  const remaining = remainingOf(limits);
  return { total_credits: usd(spend.all.total + remaining), total_usage: usd(spend.all.total) };
}
