import { z } from 'zod';
import { upstreamKindSchema, type UpstreamKind } from '../providers/upstream-kinds';

// What Parley records about every finished request: the local usage ledger row. Cost is integer micro-dollars
// (1 USD = 1_000_000 µ$); when it is unknown the number is absent and `costReason` says why. One zod schema is the
// type and the check: main builds records, the bridge carries them, the renderer validates what it stores.

export type { UpstreamKind };

export const finishReasonSchema = z.enum(['stop', 'length', 'tool_calls', 'content_filter', 'error']);

const micros = z.number().int();

export const attemptRecordSchema = z.object({
  upstreamId: z.string(),
  provider: z.string(),
  model: z.string(), // upstream-native model id that was requested
  status: z.number().int().nullable(), // HTTP status, null for network errors / timeouts
  error: z.string().optional(), // human message, never a key
  errorType: z.enum(['http', 'network', 'timeout', 'aborted', 'stream']).optional(),
  durationMs: z.number(),
  sent: z.boolean().optional(), // false: the request never reached the provider (connection refused, no such host)
});
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

export const tokenCountsSchema = z.object({
  prompt: z.number(), // includes cache read + cache write
  completion: z.number(), // includes reasoning
  cacheRead: z.number(),
  cacheWrite: z.number(),
  reasoning: z.number(),
  estimated: z.boolean().optional(), // true when the stream died before the upstream reported usage
  // Billable parts some providers report, each a subset of its total (docs/provider-wire-formats.md §5):
  cacheWrite1h: z.number().optional(), // the part of cacheWrite written with the 1-hour TTL (Anthropic)
  audioIn: z.number().optional(), // input audio tokens
  audioOut: z.number().optional(), // output audio tokens
  imageIn: z.number().optional(), // input image tokens
  imageOut: z.number().optional(), // output image tokens
  webSearchRequests: z.number().optional(), // server-side web searches, billed per search
});
export type TokenCounts = z.infer<typeof tokenCountsSchema>;

/** The billable units beside the five totals, each a part of one of them (a new one is added to the schema only). */
export type ExtraUnit = Exclude<keyof TokenCounts, 'prompt' | 'completion' | 'cacheRead' | 'cacheWrite' | 'reasoning' | 'estimated'>;
const TOTALS = new Set(['prompt', 'completion', 'cacheRead', 'cacheWrite', 'reasoning', 'estimated']);
export const EXTRA_UNITS = Object.keys(tokenCountsSchema.shape).filter((k) => !TOTALS.has(k)) as ExtraUnit[];

export const costSourceSchema = z.enum(['upstream', 'computed', 'none']);
export type CostSource = z.infer<typeof costSourceSchema>;
/** Why a cost is unknown or what is special about it. `not-sent`: nothing reached a provider ($0); `failed`: the
 * provider answered with an error before any output and reported no usage ($0); `charged-on-error`: the
 * provider reported usage on a failed request, which is priced because some providers bill it; `interrupted`:
 * Parley stopped (killed, power lost) before the request finished; when an endpoint had started answering, its
 * tokens are estimated (`tokens.estimated`) and priced, shown as "estimated (interrupted)". */
export const costReasonSchema = z.enum(['free', 'no-pricing', 'no-usage', 'partial', 'not-sent', 'failed', 'charged-on-error', 'interrupted']);
export type CostReason = z.infer<typeof costReasonSchema>;

export const pricingSnapshotSchema = z.object({
  capturedAt: z.number(), // ms epoch
  source: z.string(), // catalog source: "live", "cache" or "bundled"
  rates: z.record(z.string(), z.string()), // USD per token (or unit) as decimal strings, OpenRouter's pricing keys
  listDate: z.string().optional(), // YYYY-MM-DD of the price list used (the bundled snapshot's date or the live fetch)
});
export type PricingSnapshot = z.infer<typeof pricingSnapshotSchema>;

/** One priced line of a request: units × rate = amount (shared/billing/cost.ts CostLine). */
export const costLineSchema = z.object({
  component: z.string().max(32),
  units: z.number(),
  unit: z.enum(['token', 'request', 'image', 'search']),
  rateMicrosPerUnit: z.string().max(64), // exact µ$ per unit ("3" = $3 per million tokens)
  micros: micros,
});
export type CostLineRecord = z.infer<typeof costLineSchema>;

export const generationRecordSchema = z.object({
  id: z.string().min(1), // gen-…
  createdAt: z.number(), // ms epoch
  requestedModel: z.string(),
  model: z.string().nullable(), // OpenRouter-style slug actually used
  upstreamId: z.string().nullable(),
  upstreamKind: upstreamKindSchema.nullable(),
  provider: z.string().nullable(),
  upstreamGenerationId: z.string().optional(), // e.g. OpenRouter's X-Generation-Id, for reconciliation
  attempts: z.array(attemptRecordSchema),
  tokens: tokenCountsSchema.nullable(),
  reportedCostMicros: micros.optional(), // what the upstream said it charged (OpenRouter usage.cost)
  computedCostMicros: micros.optional(), // usage × pricing snapshot
  costMicros: micros.optional(), // the figure shown
  costSource: costSourceSchema,
  costReason: costReasonSchema.optional(),
  /** Exact decimal USD text of what the upstream reported (OpenRouter usage.cost, e.g. "0.0001245"): the local API
   * passes it on at OpenRouter's precision; reportedCostMicros is it rounded half-up. */
  reportedCostUsd: z.string().max(64).optional(),
  /** BYOK through OpenRouter: what the provider charged (usage.cost_details.upstream_inference_cost); then
   * reportedCostMicros is only OpenRouter's fee and costMicros is the two together. */
  upstreamCostMicros: micros.optional(),
  upstreamCostUsd: z.string().max(64).optional(),
  computedCostUsd: z.string().max(64).optional(), // Parley's computation, exact, before rounding to µ$
  costLines: z.array(costLineSchema).max(32).optional(), // the computation line by line
  cacheSavingsMicros: micros.optional(), // what prompt caching saved (negative: cache writes cost extra)
  costDetail: z.string().max(300).optional(), // why the cost is unknown or special, in words
  ttftMs: z.number().nullable(),
  durationMs: z.number(),
  tokensPerSecond: z.number().nullable(),
  finishReason: finishReasonSchema.nullable(),
  nativeFinishReason: z.string().nullable(),
  isByok: z.boolean(),
  streamed: z.boolean(),
  cancelled: z.boolean(),
  fallbackUsed: z.boolean(),
  source: z.enum(['app', 'local-api']),
  /** Local-API requests: the id of the app key the caller authenticated with (never the key itself). */
  appKeyId: z.string().optional(),
  /** The price list this request was priced with, kept so an old answer's cost never changes when prices do. */
  pricingSnapshot: pricingSnapshotSchema.optional(),
  error: z.object({ code: z.number(), message: z.string() }).optional(),
});
export type GenerationRecord = z.infer<typeof generationRecordSchema>;

/** A record's cost facts, as an answer keeps them beside its text ("Explain this cost" reads them). */
export const recordCostSchema = generationRecordSchema.pick({
  costMicros: true, costSource: true, costReason: true, reportedCostMicros: true, computedCostMicros: true,
  pricingSnapshot: true, reportedCostUsd: true, upstreamCostMicros: true, computedCostUsd: true, costLines: true,
  cacheSavingsMicros: true, costDetail: true,
});
export type RecordCost = z.infer<typeof recordCostSchema>;

/** The cost facts of a record, without the keys it leaves out. */
export function recordCostOf(r: GenerationRecord): RecordCost {
  const out: RecordCost = { costSource: r.costSource };
  for (const k of recordCostSchema.keyof().options) if (r[k] !== undefined) Object.assign(out, { [k]: r[k] });
  return out;
}
