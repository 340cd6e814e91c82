import type { Usage } from '../../../shared/openrouter/chat-response';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import { toOpenRouterUsage } from '../usage/normalize';

// OpenRouter always answers with `usage` (docs/openrouter-api.md §2.1, §3). When the upstream reported none (the
// stream broke, or a local server does not count), the caller gets the record's own figures instead: the
// chars/4 estimate the record is marked `estimated` for, and the cost it was priced at.

export function estimatedUsage(record: GenerationRecord): Usage | undefined {
  const t = record.tokens;
  if (!t) return undefined;
  const usage = toOpenRouterUsage({
    promptTokens: t.prompt,
    completionTokens: t.completion,
    cacheReadTokens: t.cacheRead,
    cacheWriteTokens: t.cacheWrite,
    reasoningTokens: t.reasoning,
  });
  if (record.costMicros !== undefined) usage.cost = record.costMicros / 1_000_000;
  usage.is_byok = record.isByok;
  return usage;
}
