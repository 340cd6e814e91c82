import { parseDecimal, toDecimalString } from '../../../shared/billing/decimal';
import type { CatalogModel, ModelPricing } from '../../../shared/catalog/types';
import type { ModelSummary } from '../../../shared/contract/models';

// GET /models for the local API: the picker's model list as full OpenRouter entries (docs/openrouter-api.md §8.1,
// §12.4). Catalog facts are used as they are; what the catalog does not know is filled with OpenRouter's
// "unknown" values (0 for `created`, empty `description`, null limits and voices). Prices are decimal strings without an
// exponent ("0.00000015", never "1.5e-7"), converted exactly, never through a float.

/** "1.5e-7" → "0.00000015"; anything that is not a decimal stays as it is. */
export function plainDecimal(price: string): string {
  const d = parseDecimal(price);
  return d ? toDecimalString(d) : price;
}

const PARLEY_ONLY = new Set(['long_context_tiers']);

export function openRouterPricing(p: ModelPricing | Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (PARLEY_ONLY.has(k) || v === undefined || v === null) continue;
    if (typeof v === 'string') out[k] = plainDecimal(v);
    else if (k === 'overrides' && Array.isArray(v)) {
      out[k] = v.map((o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([ok, ov]) => [ok, typeof ov === 'string' ? plainDecimal(ov) : ov])));
    } else out[k] = v;
  }
  return out;
}

function supportedParameters(s: ModelSummary): string[] {
  const params = ['max_tokens', 'temperature', 'top_p', 'stop'];
  if (s.supportsTools) params.push('tools', 'tool_choice');
  if (s.supportsReasoning) params.push('reasoning', 'include_reasoning');
  return params;
}

export function openRouterModel(s: ModelSummary, m: CatalogModel | undefined): Record<string, unknown> {
  const inputs = m?.architecture.input_modalities ?? s.inputModalities;
  const outputs = m?.architecture.output_modalities ?? s.outputModalities;
  const contextLength = m?.context_length ?? s.contextLength;
  const entry: Record<string, unknown> = {
    id: s.id,
    canonical_slug: m?.canonical_slug ?? s.id,
    hugging_face_id: null,
    name: m?.name ?? s.name,
    created: m?.created ?? 0,
    description: m?.description ?? '',
    context_length: contextLength,
    architecture: {
      modality: m?.architecture.modality ?? `${inputs.join('+')}->${outputs.join('+')}`,
      input_modalities: inputs,
      output_modalities: outputs,
      tokenizer: m?.architecture.tokenizer ?? 'Other',
      instruct_type: m?.architecture.instruct_type ?? null,
    },
    pricing: openRouterPricing(m?.pricing ?? s.pricing ?? { prompt: '-1', completion: '-1' }),
    top_provider: {
      context_length: m?.top_provider?.context_length ?? contextLength,
      max_completion_tokens: m?.top_provider?.max_completion_tokens ?? null,
      is_moderated: m?.top_provider?.is_moderated ?? false,
    },
    per_request_limits: null,
    supported_parameters: m?.supported_parameters ?? supportedParameters(s),
    default_parameters: null,
    expiration_date: m?.expiration_date ?? null,
    supported_voices: null,
    links: { details: `/api/v1/models/${s.id}/endpoints` },
  };
  // OpenRouter's schema requires `mandatory`; a catalog entry that does not say is taken as optional reasoning.
  if (m?.reasoning) entry.reasoning = { ...m.reasoning, mandatory: m.reasoning.mandatory ?? false };
  return entry;
}
