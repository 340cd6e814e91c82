import type { RawUsage } from '../../types';
import { num, obj } from '../common/values';
import { withExtras } from '../common/usage-extras';

// Chat-completions usage → RawUsage (docs/provider-wire-formats.md §2.6). Prompt counts every input token including
// cache reads and writes; completion counts every output token including reasoning.

/** OpenAI chat-completions usage and its dialects: DeepSeek `prompt_cache_hit_tokens`, OpenRouter `cost`,
 * `cost_details.upstream_inference_cost`, `is_byok`, `cache_write_tokens`, audio and image token details, and xAI, whose `completion_tokens` leaves reasoning out (detected because
 * its `total_tokens` then equals prompt + completion + reasoning). Undefined when there are no counts. */
export function fromOpenAI(usage: unknown): RawUsage | undefined {
  const u = obj(usage);
  if (!u) return undefined;
  const promptDetails = obj(u.prompt_tokens_details);
  const completionDetails = obj(u.completion_tokens_details);
  const costDetails = obj(u.cost_details);
  const hit = num(u.prompt_cache_hit_tokens);
  const miss = num(u.prompt_cache_miss_tokens);
  const prompt = num(u.prompt_tokens) ?? (hit !== undefined || miss !== undefined ? (hit ?? 0) + (miss ?? 0) : undefined);
  let completion = num(u.completion_tokens);
  if (prompt === undefined && completion === undefined) return undefined;
  const reasoning = num(completionDetails?.reasoning_tokens) ?? 0;
  const total = num(u.total_tokens);
  const p = prompt ?? 0;
  completion ??= 0;
  if (reasoning > 0 && total !== undefined && total !== p + completion && total === p + completion + reasoning) {
    completion += reasoning;
  }
  const raw: RawUsage = {
    promptTokens: p,
    completionTokens: completion,
    cacheReadTokens: num(promptDetails?.cached_tokens) ?? hit ?? 0,
    cacheWriteTokens: num(promptDetails?.cache_write_tokens) ?? 0,
    reasoningTokens: reasoning,
  };
  return withExtras(raw, {
    cost: u.cost,
    upstreamCost: costDetails?.upstream_inference_cost,
    upstreamPromptCost: costDetails?.upstream_inference_prompt_cost,
    upstreamCompletionsCost: costDetails?.upstream_inference_completions_cost,
    isByok: u.is_byok,
    webSearchRequests: obj(u.server_tool_use)?.web_search_requests ?? obj(u.server_tool_use_details)?.web_search_requests,
    audioIn: promptDetails?.audio_tokens,
    audioOut: completionDetails?.audio_tokens,
    imageOut: completionDetails?.image_tokens,
  });
}
