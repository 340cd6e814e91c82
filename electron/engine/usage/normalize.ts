import type { Usage } from '../../../shared/openrouter/chat-response';
import type { RawUsage } from '../types';

// THE one place provider usage becomes OpenRouter semantics (docs/provider-wire-formats.md §5):
// prompt = every input token including cache reads and cache writes; completion = every output token including
// reasoning. Cache read/write and reasoning are kept as subsets for pricing.

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function withExtras(u: RawUsage, cost: unknown, isByok: unknown, webSearch: unknown): RawUsage {
  const c = num(cost);
  if (c !== undefined) u.reportedCostUsd = c;
  if (typeof isByok === 'boolean') u.isByok = isByok;
  const w = num(webSearch);
  if (w !== undefined) u.webSearchRequests = w;
  return u;
}

/** OpenAI chat-completions usage and its dialects: DeepSeek `prompt_cache_hit_tokens`, OpenRouter `cost`,
 * `is_byok`, `cache_write_tokens`, and xAI, whose `completion_tokens` leaves reasoning out (detected because
 * its `total_tokens` then equals prompt + completion + reasoning). Undefined when there are no counts. */
export function fromOpenAI(usage: unknown): RawUsage | undefined {
  const u = obj(usage);
  if (!u) return undefined;
  const promptDetails = obj(u.prompt_tokens_details);
  const completionDetails = obj(u.completion_tokens_details);
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
  return withExtras(raw, u.cost, u.is_byok, obj(u.server_tool_use)?.web_search_requests ?? obj(u.server_tool_use_details)?.web_search_requests);
}

/** Anthropic: `message_start.message.usage` merged with the latest `message_delta.usage` (cumulative; a field
 * present in the delta replaces the start value). `input_tokens` counts only NON-cached input, so the prompt
 * total is input + cache_creation + cache_read. */
export function fromAnthropic(startUsage: unknown, deltaUsage?: unknown): RawUsage | undefined {
  const s = obj(startUsage);
  const d = obj(deltaUsage);
  if (!s && !d) return undefined;
  const pick = (key: string): number | undefined => num(d?.[key]) ?? num(s?.[key]);
  const input = pick('input_tokens') ?? 0;
  const cacheRead = pick('cache_read_input_tokens') ?? 0;
  const cacheWrite = pick('cache_creation_input_tokens') ?? 0;
  const output = pick('output_tokens') ?? 0;
  const thinking = num(obj(d?.output_tokens_details)?.thinking_tokens) ?? num(obj(s?.output_tokens_details)?.thinking_tokens) ?? 0;
  const web = num(obj(d?.server_tool_use)?.web_search_requests) ?? num(obj(s?.server_tool_use)?.web_search_requests);
  return withExtras(
    {
      promptTokens: input + cacheRead + cacheWrite,
      completionTokens: output,
      cacheReadTokens: cacheRead,
      cacheWriteTokens: cacheWrite,
      reasoningTokens: thinking,
    },
    undefined,
    undefined,
    web,
  );
}

/** Gemini `usageMetadata` (cumulative on every chunk: pass the latest, never sum). `candidatesTokenCount`
 * excludes thoughts, so output = candidates + thoughts; tool-use prompt tokens are input. Undefined for a
 * metadata object without counts (some Vertex chunks carry only `trafficType`). */
export function fromGemini(usageMetadata: unknown): RawUsage | undefined {
  const m = obj(usageMetadata);
  if (!m) return undefined;
  const prompt = num(m.promptTokenCount);
  const candidates = num(m.candidatesTokenCount);
  const thoughts = num(m.thoughtsTokenCount);
  if (prompt === undefined && candidates === undefined && thoughts === undefined) return undefined;
  return {
    promptTokens: (prompt ?? 0) + (num(m.toolUsePromptTokenCount) ?? 0),
    completionTokens: (candidates ?? 0) + (thoughts ?? 0),
    cacheReadTokens: num(m.cachedContentTokenCount) ?? 0,
    cacheWriteTokens: 0,
    reasoningTokens: thoughts ?? 0,
  };
}

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
