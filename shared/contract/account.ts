import { z } from 'zod';

const micros = z.number().int().nullable();

export const keyInfoSchema = z.object({
  label: z.string().nullable(),
  limitMicros: micros,
  limitRemainingMicros: micros,
  limitReset: z.string().nullable(),
  includeByokInLimit: z.boolean(),
  usageMicros: micros,
  usageDailyMicros: micros,
  usageWeeklyMicros: micros,
  usageMonthlyMicros: micros,
  byokUsageMicros: micros,
  byokUsageDailyMicros: micros,
  byokUsageWeeklyMicros: micros,
  byokUsageMonthlyMicros: micros,
  isFreeTier: z.boolean().nullable(),
  isManagementKey: z.boolean(),
  expiresAt: z.string().nullable(),
  rateLimit: z.object({ requests: z.number(), interval: z.string() }).nullable(),
  freeModelLimits: z.object({ requestsPerMinute: z.number(), requestsPerDay: z.number(), basis: z.string() }),
});

/** The OpenRouter account as the header shows it. Errors are typed and worded for people; never a key. */
export const accountSummarySchema = z.object({
  configured: z.boolean(),
  checkedAt: z.number().nullable(),
  balance: z
    .object({
      source: z.enum(['credits', 'key']),
      balanceMicros: micros,
      totalCreditsMicros: micros,
      totalUsageMicros: micros,
      key: keyInfoSchema.nullable(),
      note: z.string().optional(),
    })
    .nullable(),
  error: z.object({ kind: z.string(), status: z.number().nullable(), message: z.string() }).nullable(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/** What OpenRouter billed for one generation, compared with Parley's own figure. */
export const generationReconciledSchema = z.object({
  generationId: z.string(),
  status: z.enum(['reconciled', 'failed']),
  billedMicros: z.number().int().nullable(),
  localMicros: z.number().int().nullable(),
  mismatch: z.boolean(),
  diffMicros: z.number().int().nullable(),
  provider: z.string().nullable(),
  nativeTokens: z.object({ prompt: z.number().nullable(), completion: z.number().nullable(), reasoning: z.number().nullable(), cached: z.number().nullable() }).nullable(),
  error: z.string().nullable(),
  // `billedMicros` is the whole bill; for BYOK through OpenRouter its two parts, and the part compared with
  // Parley's price (`localMicros`) is the provider's charge.
  billedFeeMicros: z.number().int().nullable().optional(),
  billedProviderMicros: z.number().int().nullable().optional(),
  comparedMicros: z.number().int().nullable().optional(), // the billed figure set against localMicros
  causes: z.array(z.string().max(300)).max(8).optional(), // likely causes of a mismatch, in words
});
export type GenerationReconciled = z.infer<typeof generationReconciledSchema>;
