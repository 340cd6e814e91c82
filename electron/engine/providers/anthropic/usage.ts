import type { RawUsage } from '../../types';
import { num, obj } from '../common/values';
import { withExtras } from '../common/usage-extras';

/** Anthropic (docs/provider-wire-formats.md §3.5): `message_start.message.usage` merged with the latest `message_delta.usage` (cumulative; a field
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
  // cache_creation splits the writes by TTL; the 1-hour ones are billed at 2× input against 1.25× (§3.5).
  const oneHour = num(obj(d?.cache_creation)?.ephemeral_1h_input_tokens) ?? num(obj(s?.cache_creation)?.ephemeral_1h_input_tokens);
  return withExtras(
    {
      promptTokens: input + cacheRead + cacheWrite,
      completionTokens: output,
      cacheReadTokens: cacheRead,
      cacheWriteTokens: cacheWrite,
      reasoningTokens: thinking,
    },
    { webSearchRequests: web, cacheWrite1h: oneHour !== undefined && oneHour > 0 ? Math.min(oneHour, cacheWrite) : undefined },
  );
}
