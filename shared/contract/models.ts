import { z } from 'zod';
import type { MatchRule } from '../catalog/types';

/** A price-data match rule (shared/catalog/match.ts reads it). */
const matchRuleSchema: z.ZodType<MatchRule> = z.lazy(() =>
  z.union([
    z.object({ equals: z.string() }),
    z.object({ starts_with: z.string() }),
    z.object({ ends_with: z.string() }),
    z.object({ contains: z.string() }),
    z.object({ regex: z.string() }),
    z.object({ or: z.array(matchRuleSchema) }),
    z.object({ and: z.array(matchRuleSchema) }),
  ]),
);

/** A model as the picker shows it: catalog facts plus which of the user's upstreams can serve it. */
export const modelSummarySchema = z.object({
  id: z.string(), // OpenRouter slug, e.g. "anthropic/claude-sonnet-4.5"
  name: z.string(),
  provider: z.string(), // author part of the slug, e.g. "anthropic"
  contextLength: z.number().int().nullable(),
  inputModalities: z.array(z.string()),
  outputModalities: z.array(z.string()),
  promptUsdPerMTok: z.number().nullable(),
  completionUsdPerMTok: z.number().nullable(),
  isFree: z.boolean(),
  supportsReasoning: z.boolean(),
  supportsTools: z.boolean(),
  /** From the catalog's supported_parameters; 'unknown' when the catalog has no list for the model. */
  toolSupport: z.enum(['supported', 'unsupported', 'unknown']).optional(),
  /** Some configured upstream can search the web for it (OpenRouter, or the provider's own search tool). */
  searchesWeb: z.boolean().optional(),
  servedBy: z.array(z.string()), // labels of configured upstreams able to serve it ("OpenRouter", "Anthropic")
  servedByIds: z.array(z.string()), // their upstream ids, in the same order
  /** The catalog's full price list (USD per token as decimal strings, OpenRouter's shape), for exact estimates. */
  pricing: z.record(z.string(), z.unknown()).nullable(),
  /** Other slugs the catalog prices as this model: aliases, and a match rule for dated slugs. */
  aliases: z.array(z.string()).optional(),
  match: matchRuleSchema.optional(),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

export const modelListSchema = z.object({
  models: z.array(modelSummarySchema),
  source: z.enum(['live', 'cache', 'bundled', 'none']),
  fetchedAt: z.number().nullable(), // when the catalog was fetched or generated (ms epoch)
  listDate: z.string().optional(), // YYYY-MM-DD of the price list in use
  stale: z.boolean().optional(), // the price list is more than 30 days old
});
export type ModelList = z.infer<typeof modelListSchema>;
