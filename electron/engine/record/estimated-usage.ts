import type { Usage } from '../../../shared/openrouter/chat-response';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import type { UpstreamConfig } from '../types';
import { toOpenRouterUsage } from '../usage/normalize';
import { usageCostOf } from './usage-and-cost';

// OpenRouter always answers with `usage` (docs/openrouter-api.md §2.1, §3). When the upstream reported none (the
// stream broke, or a local server does not count), the caller gets the record's own figures instead: the
// chars/4 estimate the record is marked `estimated` for, and its cost with the same money semantics as reported
// usage (usageCostOf).

export function estimatedUsage(record: GenerationRecord, upstream: UpstreamConfig): Usage | undefined {
  const t = record.tokens;
  if (!t) return undefined;
  return toOpenRouterUsage(
    { promptTokens: t.prompt, completionTokens: t.completion, cacheReadTokens: t.cacheRead, cacheWriteTokens: t.cacheWrite, reasoningTokens: t.reasoning },
    usageCostOf(record, upstream),
  );
}
