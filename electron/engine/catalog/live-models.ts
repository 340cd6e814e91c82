import { z } from 'zod';
import type { CatalogModel, ModelPricing, PriceOverride } from '../../../shared/catalog/types';

// OpenRouter GET /models (docs/openrouter-api.md §8.1, §8.2) → CatalogModel[]. Tolerant: unknown fields are
// ignored, prices may be strings or numbers, and one malformed entry is skipped (and counted) instead of
// failing the whole list.

const priceValue = z.union([z.string(), z.number()]).transform((v) => String(v));
const optPrice = priceValue.nullable().optional();

const PRICE_KEYS = [
  'prompt',
  'completion',
  'request',
  'image',
  'web_search',
  'internal_reasoning',
  'input_cache_read',
  'input_cache_write',
  'input_cache_write_1h',
  'audio',
  'audio_output',
  'image_token',
  'image_output',
] as const;

const overrideSchema = z
  .object({
    min_prompt_tokens: z.number().optional(),
    utc_start: z.number().optional(),
    utc_end: z.number().optional(),
    prompt: optPrice,
    completion: optPrice,
    input_cache_read: optPrice,
    input_cache_write: optPrice,
    input_cache_write_1h: optPrice,
    internal_reasoning: optPrice,
  })
  .loose();

const pricingSchema = z
  .object({
    prompt: priceValue,
    completion: priceValue,
    request: optPrice,
    image: optPrice,
    web_search: optPrice,
    internal_reasoning: optPrice,
    input_cache_read: optPrice,
    input_cache_write: optPrice,
    input_cache_write_1h: optPrice,
    audio: optPrice,
    audio_output: optPrice,
    image_token: optPrice,
    image_output: optPrice,
    discount: z.number().nullable().optional(),
    overrides: z.array(overrideSchema).nullable().optional(),
  })
  .loose();

export const liveModelSchema = z
  .object({
    id: z.string().min(1),
    canonical_slug: z.string().nullable().optional(),
    name: z.string().nullable().optional(),
    created: z.number().nullable().optional(),
    description: z.string().nullable().optional(),
    context_length: z.number().nullable().optional(),
    architecture: z
      .object({
        modality: z.string().nullable().optional(),
        input_modalities: z.array(z.string()).nullable().optional(),
        output_modalities: z.array(z.string()).nullable().optional(),
        tokenizer: z.string().nullable().optional(),
        instruct_type: z.string().nullable().optional(),
      })
      .loose()
      .nullable()
      .optional(),
    pricing: pricingSchema,
    top_provider: z
      .object({ context_length: z.number().nullable().optional(), max_completion_tokens: z.number().nullable().optional(), is_moderated: z.boolean().optional() })
      .loose()
      .nullable()
      .optional(),
    supported_parameters: z.array(z.string()).nullable().optional(),
    reasoning: z
      .object({
        supported_efforts: z.array(z.string()).optional(),
        default_effort: z.string().optional(),
        default_enabled: z.boolean().optional(),
        supports_max_tokens: z.boolean().optional(),
        mandatory: z.boolean().optional(),
      })
      .loose()
      .nullable()
      .optional(),
    expiration_date: z.string().nullable().optional(),
  })
  .loose();

export const liveModelsResponseSchema = z.object({ data: z.array(z.unknown()) }).loose();

type LiveModel = z.infer<typeof liveModelSchema>;

function toPricing(p: LiveModel['pricing']): ModelPricing {
  const out: ModelPricing = { prompt: p.prompt, completion: p.completion };
  for (const k of PRICE_KEYS) {
    const v = p[k];
    if (typeof v === 'string' && k !== 'prompt' && k !== 'completion') out[k] = v;
  }
  if (typeof p.discount === 'number' && p.discount > 0) out.discount = p.discount;
  if (p.overrides?.length) {
    out.overrides = p.overrides.map((o) => {
      const entry: PriceOverride = {};
      if (o.min_prompt_tokens !== undefined) entry.min_prompt_tokens = o.min_prompt_tokens;
      if (o.utc_start !== undefined) entry.utc_start = o.utc_start;
      if (o.utc_end !== undefined) entry.utc_end = o.utc_end;
      for (const k of ['prompt', 'completion', 'input_cache_read', 'input_cache_write', 'input_cache_write_1h', 'internal_reasoning'] as const) {
        const v = o[k];
        if (typeof v === 'string') entry[k] = v;
      }
      return entry;
    });
  }
  return out;
}

export function toCatalogModel(m: LiveModel): CatalogModel {
  const input = m.architecture?.input_modalities?.length ? m.architecture.input_modalities : ['text'];
  const output = m.architecture?.output_modalities?.length ? m.architecture.output_modalities : ['text'];
  const out: CatalogModel = {
    id: m.id,
    name: m.name || m.id,
    context_length: m.context_length ?? m.top_provider?.context_length ?? null,
    architecture: { input_modalities: input, output_modalities: output },
    pricing: toPricing(m.pricing),
  };
  if (m.canonical_slug) out.canonical_slug = m.canonical_slug;
  if (typeof m.created === 'number') out.created = m.created;
  if (m.description) out.description = m.description;
  if (m.architecture?.modality) out.architecture.modality = m.architecture.modality;
  if (m.architecture?.tokenizer) out.architecture.tokenizer = m.architecture.tokenizer;
  if (m.architecture?.instruct_type !== undefined) out.architecture.instruct_type = m.architecture.instruct_type;
  if (m.top_provider) {
    out.top_provider = {};
    if (m.top_provider.context_length !== undefined) out.top_provider.context_length = m.top_provider.context_length;
    if (m.top_provider.max_completion_tokens !== undefined) out.top_provider.max_completion_tokens = m.top_provider.max_completion_tokens;
    if (m.top_provider.is_moderated !== undefined) out.top_provider.is_moderated = m.top_provider.is_moderated;
  }
  if (m.supported_parameters) out.supported_parameters = m.supported_parameters;
  if (m.reasoning) {
    const { supported_efforts, default_effort, default_enabled, supports_max_tokens, mandatory } = m.reasoning;
    out.reasoning = Object.fromEntries(
      Object.entries({ supported_efforts, default_effort, default_enabled, supports_max_tokens, mandatory }).filter(([, v]) => v !== undefined),
    );
  }
  if (m.expiration_date !== undefined) out.expiration_date = m.expiration_date;
  return out;
}

/** Each valid entry as a CatalogModel; `skipped` counts the entries that could not be read. */
export function parseLiveModels(body: unknown): { models: CatalogModel[]; skipped: number } | undefined {
  const top = liveModelsResponseSchema.safeParse(body);
  if (!top.success) return undefined;
  const models: CatalogModel[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const item of top.data.data) {
    const parsed = liveModelSchema.safeParse(item);
    if (!parsed.success || seen.has(parsed.data.id)) {
      skipped += 1;
      continue;
    }
    seen.add(parsed.data.id);
    models.push(toCatalogModel(parsed.data));
  }
  return { models, skipped };
}
