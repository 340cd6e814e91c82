import type { Usage } from '../../../shared/openrouter/chat-response';
import type { CostLineRecord } from '../../../shared/openrouter/generation';
import type { RawUsage } from '../types';
import { costDetails } from './cost-details';

// THE one place normalised usage becomes OpenRouter's `usage` object (docs/provider-wire-formats.md §5). Each provider
// reads its own usage fields into RawUsage (providers/*/usage.ts) with OpenRouter's semantics: prompt = every input
// token including cache reads and cache writes; completion = every output token including reasoning. Cache
// read/write and reasoning are kept as subsets for pricing.

/** The money fields of OpenRouter's usage (docs/openrouter-api.md §3): `cost` is what the router charged (for
 * BYOK only its fee; Parley itself charges nothing), `upstream_inference_cost` what the provider charged, as
 * exact decimal text turned into JSON numbers; null when unknown. */
export interface UsageCost {
  cost?: string;
  upstreamInferenceCost?: string | null;
  isByok?: boolean;
  /** Parley's price lines for the request, to split the provider's charge into input and output. */
  lines?: readonly CostLineRecord[];
}

/** The OpenRouter `usage` object for a normalised count; without `cost`, what the upstream reported is kept. */
export function toOpenRouterUsage(raw: RawUsage, money?: UsageCost): Usage {
  const usage: Usage = {
    prompt_tokens: raw.promptTokens,
    completion_tokens: raw.completionTokens,
    total_tokens: raw.promptTokens + raw.completionTokens,
    prompt_tokens_details: { cached_tokens: raw.cacheReadTokens, cache_write_tokens: raw.cacheWriteTokens },
    completion_tokens_details: { reasoning_tokens: raw.reasoningTokens },
  };
  if (raw.audioIn) usage.prompt_tokens_details!.audio_tokens = raw.audioIn;
  if (raw.audioOut) usage.completion_tokens_details!.audio_tokens = raw.audioOut;
  if (raw.imageOut) usage.completion_tokens_details!.image_tokens = raw.imageOut;
  if (money?.cost !== undefined) usage.cost = Number(money.cost);
  else if (raw.reportedCostUsd !== undefined) usage.cost = raw.reportedCostUsd;
  const isByok = money?.isByok ?? raw.isByok;
  if (isByok !== undefined) usage.is_byok = isByok;
  const charge = money?.upstreamInferenceCost !== undefined ? money.upstreamInferenceCost : raw.upstreamCostUsd;
  if (charge === null) usage.cost_details = null; // the provider's charge is unknown
  else if (charge !== undefined) usage.cost_details = costDetails(Number(charge), raw, money?.lines);
  if (raw.webSearchRequests !== undefined) usage.server_tool_use = { web_search_requests: raw.webSearchRequests };
  return usage;
}
