import { z } from 'zod';

// Where a model can be served and at what price: the user's upstreams able to serve it (OpenRouter, a direct
// provider key, a local server), each with the price list Parley would price a request there with.

export const modelEndpointPriceSchema = z.object({
  /** the configured upstream's id ("openrouter", "anthropic", "custom:ollama") */
  upstreamId: z.string(),
  /** the provider's slug ("openrouter", "anthropic") */
  provider: z.string(),
  label: z.string(),
  /** the price list there (USD per unit as decimal strings, OpenRouter's shape, with its dated history where the
   * catalog has one); null when Parley has none */
  pricing: z.record(z.string(), z.unknown()).nullable(),
  /** why there is no price list, when there is none */
  problem: z.string().optional(),
  /** a direct provider key (the user's own), not OpenRouter's credits */
  byok: z.boolean(),
  /** a model server on this machine (free) */
  local: z.boolean(),
});
export type ModelEndpointPrice = z.infer<typeof modelEndpointPriceSchema>;

export const catalogRoutes = {
  /** The price of a model on each of the user's upstreams that can serve it (Reprice's per-provider rows). */
  'catalog.endpoints': {
    input: z.object({ model: z.string().min(1).max(256) }).strict(),
    output: z.object({ model: z.string(), endpoints: z.array(modelEndpointPriceSchema) }),
  },
} as const;
