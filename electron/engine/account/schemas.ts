import { z } from 'zod';

// Response bodies of OpenRouter's account endpoints (docs/openrouter-api.md §4.1–4.3). Unknown fields
// are allowed and most fields are optional: older and newer API versions differ.

const num = z.number().finite();
const optNum = num.nullable().optional();

export const creditsResponseSchema = z.object({
  data: z.object({ total_credits: num, total_usage: num }).loose(),
}).loose();

export const keyResponseSchema = z.object({
  data: z
    .object({
      label: z.string().nullable().optional(),
      limit: optNum,
      limit_reset: z.string().nullable().optional(),
      limit_remaining: optNum,
      include_byok_in_limit: z.boolean().nullable().optional(),
      usage: optNum,
      usage_daily: optNum,
      usage_weekly: optNum,
      usage_monthly: optNum,
      byok_usage: optNum,
      byok_usage_daily: optNum,
      byok_usage_weekly: optNum,
      byok_usage_monthly: optNum,
      is_free_tier: z.boolean().nullable().optional(),
      is_management_key: z.boolean().nullable().optional(),
      is_provisioning_key: z.boolean().nullable().optional(),
      expires_at: z.string().nullable().optional(),
      rate_limit: z.object({ requests: num, interval: z.string() }).loose().nullable().optional(),
    })
    .loose(),
}).loose();

export const generationResponseSchema = z.object({
  data: z
    .object({
      id: z.string(),
      created_at: z.string().nullable().optional(),
      model: z.string().nullable().optional(),
      provider_name: z.string().nullable().optional(),
      total_cost: optNum,
      usage: optNum,
      upstream_inference_cost: optNum,
      cache_discount: optNum,
      is_byok: z.boolean().nullable().optional(),
      streamed: z.boolean().nullable().optional(),
      cancelled: z.boolean().nullable().optional(),
      latency: optNum,
      generation_time: optNum,
      finish_reason: z.string().nullable().optional(),
      native_finish_reason: z.string().nullable().optional(),
      tokens_prompt: optNum,
      tokens_completion: optNum,
      native_tokens_prompt: optNum,
      native_tokens_completion: optNum,
      native_tokens_reasoning: optNum,
      native_tokens_cached: optNum,
      num_search_results: optNum,
    })
    .loose(),
}).loose();

export const errorEnvelopeSchema = z.object({ error: z.object({ code: z.unknown().optional(), message: z.string().optional() }).loose() }).loose();
