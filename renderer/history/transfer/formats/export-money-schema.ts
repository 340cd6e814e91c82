import { z } from 'zod';
import { upstreamKindSchema } from '../../../../shared/providers/upstream-kinds';
import { costReasonSchema, tokenCountsSchema } from '../../../../shared/openrouter/generation';
import type { ExportFields } from './export-fields';

// Token counts, an answer's cost and the generation record as the export holds them.

/** A record's token counts: the generation record's own shape (every billable unit it has), whole numbers. */
export function tokensSchema(f: ExportFields) {
  return tokenCountsSchema.superRefine((t, ctx) => {
    for (const [key, v] of Object.entries(t)) {
      if (typeof v === 'number' && !f.count.safeParse(v).success) ctx.addIssue({ code: 'custom', path: [key], message: 'not a token count' });
    }
  });
}

export function moneySchemas(f: ExportFields) {
  const { id, short, ms, count, micros, finite, limitedRecord, usdText, finishReason } = f;
  const tokens = tokensSchema(f);
  const costSource = z.enum(['upstream', 'computed', 'none']);
  const costReason = costReasonSchema;
  const pricingSnapshot = z.object({
    capturedAt: ms,
    source: short.optional(),
    rates: limitedRecord(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), z.string().max(64), 64),
    listDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  });
  const costLine = z.object({
    component: z.string().regex(/^[a-z0-9_]{1,32}$/),
    units: count,
    unit: z.enum(['token', 'request', 'image', 'search']),
    rateMicrosPerUnit: usdText,
    micros,
  });
  /** The cost facts a record and an answer share (shared/openrouter/generation.ts). */
  const costFacts = {
    reportedCostUsd: usdText.optional(),
    upstreamCostMicros: micros.optional(),
    computedCostUsd: usdText.optional(),
    costLines: z.array(costLine).max(32).optional(),
    cacheSavingsMicros: micros.optional(),
    costDetail: z.string().max(300).optional(),
  };
  const cost = z.object({
    costMicros: micros.optional(),
    costSource,
    costReason: costReason.optional(),
    reportedCostMicros: micros.optional(),
    computedCostMicros: micros.optional(),
    pricingSnapshot: pricingSnapshot.optional(),
    ...costFacts,
    isByok: z.boolean().optional(),
    estimate: z
      .object({
        inputTokens: count,
        inputMicros: micros.optional(),
        outputLowTokens: count.optional(),
        outputHighTokens: count.optional(),
        outputLowMicros: micros.optional(),
        outputHighMicros: micros.optional(),
        basis: z.enum(['history', 'max_tokens']).optional(),
      })
      .optional(),
  });
  const generation = z.object({
    id: short.min(1),
    createdAt: ms,
    requestedModel: short,
    model: short.nullable(),
    upstreamId: short.nullable(),
    upstreamKind: upstreamKindSchema.nullable(),
    provider: short.nullable(),
    upstreamGenerationId: short.optional(),
    attempts: z
      .array(
        z.object({
          upstreamId: short,
          provider: short,
          model: short,
          status: z.number().int().nullable(),
          error: short.optional(),
          errorType: z.enum(['http', 'network', 'timeout', 'aborted', 'stream']).optional(),
          durationMs: finite,
          sent: z.boolean().optional(),
        }),
      )
      .max(100),
    tokens: tokens.nullable(),
    reportedCostMicros: micros.optional(),
    computedCostMicros: micros.optional(),
    costMicros: micros.optional(),
    costSource,
    costReason: costReason.optional(),
    ...costFacts,
    upstreamCostUsd: usdText.optional(),
    pricingSnapshot: pricingSnapshot.extend({ source: short }).optional(),
    ttftMs: finite.nullable(),
    durationMs: finite,
    tokensPerSecond: finite.nullable(),
    finishReason: finishReason.nullable(),
    nativeFinishReason: short.nullable(),
    isByok: z.boolean(),
    streamed: z.boolean(),
    cancelled: z.boolean(),
    fallbackUsed: z.boolean(),
    source: z.enum(['app', 'local-api']),
    appKeyId: short.optional(),
    error: z.object({ code: z.number().int(), message: short }).optional(),
    messageId: id.optional(),
    billedCostMicros: micros.optional(),
    reconciledAt: ms.optional(),
    mismatch: z.boolean().optional(),
    billedFeeMicros: micros.optional(),
    billedProviderMicros: micros.optional(),
    billedComparedMicros: micros.optional(),
    loopStep: z.object({ n: z.number().int().min(1).max(1000), of: z.number().int().min(1).max(1000) }).optional(),
  });
  return { tokens, cost, generation };
}
