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
});
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

export const tokenCountsSchema = z.object({
  prompt: z.number(), // includes cache read + cache write
  completion: z.number(), // includes reasoning
  cacheRead: z.number(),
  cacheWrite: z.number(),
  reasoning: z.number(),
  estimated: z.boolean().optional(), // true when the stream died before the upstream reported usage
});
export type TokenCounts = z.infer<typeof tokenCountsSchema>;

export const costSourceSchema = z.enum(['upstream', 'computed', 'none']);
export type CostSource = z.infer<typeof costSourceSchema>;
// 'interrupted': Parley stopped (killed, power lost) before the request finished.
export const costReasonSchema = z.enum(['free', 'no-pricing', 'no-usage', 'partial', 'interrupted']);
export type CostReason = z.infer<typeof costReasonSchema>;

export const pricingSnapshotSchema = z.object({
  capturedAt: z.number(), // ms epoch
  source: z.string(), // catalog source: "live", "cache" or "bundled"
  rates: z.record(z.string(), z.string()), // USD per token (or unit) as decimal strings, OpenRouter's pricing keys
});
export type PricingSnapshot = z.infer<typeof pricingSnapshotSchema>;

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
