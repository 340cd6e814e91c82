import type { Usage } from '../../../shared/openrouter/chat-response';
import type { RawUsage } from '../types';

// THE one place normalised usage becomes OpenRouter's `usage` object (docs/provider-wire-formats.md §5). Each provider
// reads its own usage fields into RawUsage (providers/*/usage.ts) with OpenRouter's semantics: prompt = every input
// token including cache reads and cache writes; completion = every output token including reasoning. Cache
// read/write and reasoning are kept as subsets for pricing.

/** The OpenRouter `usage` object for a normalised count. */
export function toOpenRouterUsage(raw: RawUsage): Usage {
  const usage: Usage = {
    prompt_tokens: raw.promptTokens,
    completion_tokens: raw.completionTokens,
    total_tokens: raw.promptTokens + raw.completionTokens,
    prompt_tokens_details: { cached_tokens: raw.cacheReadTokens, cache_write_tokens: raw.cacheWriteTokens },
    completion_tokens_details: { reasoning_tokens: raw.reasoningTokens },
  };
  if (raw.reportedCostUsd !== undefined) usage.cost = raw.reportedCostUsd;
  if (raw.isByok !== undefined) usage.is_byok = raw.isByok;
  if (raw.webSearchRequests !== undefined) usage.server_tool_use = { web_search_requests: raw.webSearchRequests };
  return usage;
}
