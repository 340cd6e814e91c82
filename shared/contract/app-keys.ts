import { z } from 'zod';

// Keys Parley issues to other apps for its local API (Settings → Local API), like OpenRouter's per-app keys. The
// renderer sees a key's token exactly once, when it is created; main keeps only its SHA-256 hash.

const micros = z.number().int().min(1).max(1e15);

/** Spend limits in integer micro-dollars; null (or absent) = no limit. Days and months are UTC, as on OpenRouter. */
export const appKeyLimitsSchema = z.object({
  limitMicros: micros.nullable().optional(), // credit limit over the key's whole life
  dailyMicros: micros.nullable().optional(),
  monthlyMicros: micros.nullable().optional(),
});

export const appKeySummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  hint: z.string(), // "••••a1b2"
  createdAt: z.number(),
  disabled: z.boolean(),
  /** `env`: PARLEY_API_TOKEN; `file`: the token Parley generated before app keys existed (local-api-token). */
  source: z.enum(['created', 'env', 'file']),
  limitMicros: z.number().int().nullable(),
  dailyMicros: z.number().int().nullable(),
  monthlyMicros: z.number().int().nullable(),
  /** What requests through this key cost, as the usage ledger counts it (billed when reconciled). */
  spend: z.object({ totalMicros: z.number().int(), todayMicros: z.number().int(), monthMicros: z.number().int() }),
});
export type AppKeySummary = z.infer<typeof appKeySummarySchema>;

export const appKeyLabelSchema = z.string().trim().min(1).max(64);

export const appKeyCreateSchema = appKeyLimitsSchema.extend({ label: appKeyLabelSchema }).strict();
export type AppKeyCreate = z.infer<typeof appKeyCreateSchema>;

export const appKeyUpdateSchema = appKeyLimitsSchema
  .extend({ id: z.string().min(1).max(64), label: appKeyLabelSchema.optional(), disabled: z.boolean().optional() })
  .strict();
export type AppKeyUpdate = z.infer<typeof appKeyUpdateSchema>;

/** A browser origin allowed to call the local API (CORS): scheme, host and optional port, nothing else. */
export const corsOriginSchema = z
  .string()
  .max(200)
  .regex(/^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i, 'An origin is scheme://host[:port], e.g. http://localhost:3000')
  .transform((s) => s.toLowerCase());
