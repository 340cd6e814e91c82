// What Parley knows about an OpenRouter account. Money is integer micro-dollars; a figure OpenRouter did not
// report is null.

export type AccountErrorKind =
  | 'invalid-key' // 401
  | 'out-of-credits' // 402
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'network' // no answer, or timed out
  | 'bad-response'; // an answer Parley could not read

export interface AccountError {
  kind: AccountErrorKind;
  status: number | null; // HTTP status; null when there was no response
  message: string; // for people; never contains the key
  retryAfterMs?: number; // from Retry-After on 429/503
}

export type AccountResult<T> = { ok: true; value: T } | { ok: false; error: AccountError };

/** `:free` limits (docs/openrouter-api.md §9.3): 20 requests a minute; 50 a day before $10 of credits were ever bought,
 * 1,000 a day after. Derived from /key's `is_free_tier` (true = never paid), so an account that bought less
 * than $10 is shown the higher daily figure. */
export interface FreeModelLimits {
  requestsPerMinute: number;
  requestsPerDay: number;
  basis: string; // why this daily figure
}

export interface KeyInfo {
  label: string | null; // OpenRouter's masked label, e.g. "sk-or-v1-0e6...1c96"
  limitMicros: number | null; // the key's credit cap, null = unlimited
  limitRemainingMicros: number | null;
  limitReset: string | null; // "daily" | "weekly" | "monthly" | null
  includeByokInLimit: boolean;
  usageMicros: number | null;
  usageDailyMicros: number | null;
  usageWeeklyMicros: number | null;
  usageMonthlyMicros: number | null;
  byokUsageMicros: number | null;
  byokUsageDailyMicros: number | null;
  byokUsageWeeklyMicros: number | null;
  byokUsageMonthlyMicros: number | null;
  isFreeTier: boolean | null;
  isManagementKey: boolean;
  expiresAt: string | null;
  rateLimit: { requests: number; interval: string } | null; // deprecated by OpenRouter; informational
  freeModelLimits: FreeModelLimits;
}

export interface BalanceInfo {
  source: 'credits' | 'key'; // /credits, or /key when this key may not read /credits
  balanceMicros: number | null; // credits left (total_credits − total_usage), or the key's remaining limit
  totalCreditsMicros: number | null;
  totalUsageMicros: number | null;
  key: KeyInfo | null; // present when /key was read
  note?: string; // what the figure means when it is not the account balance
}

/** GET /generation, as Parley stores it for reconciliation. */
export interface GenerationStats {
  id: string;
  model: string | null;
  provider: string | null;
  createdAt: string | null;
  totalCostMicros: number | null; // what OpenRouter charged the account (for BYOK: its fee)
  upstreamInferenceCostMicros: number | null; // BYOK: what the provider charged
  cacheDiscountMicros: number | null;
  isByok: boolean;
  streamed: boolean | null;
  cancelled: boolean | null;
  finishReason: string | null;
  nativeFinishReason: string | null;
  latencyMs: number | null;
  generationTimeMs: number | null;
  tokens: { prompt: number | null; completion: number | null };
  nativeTokens: { prompt: number | null; completion: number | null; reasoning: number | null; cached: number | null };
}
