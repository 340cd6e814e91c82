import type { ColumnSettings } from '../../history/db/types';

/** "temperature 0.2 · max 1024 tokens · web search" — a column's settings in a few words. */
export function settingsSummary(s: ColumnSettings): string {
  const parts: string[] = [];
  if (s.systemPrompt) parts.push('own system prompt');
  if (s.temperature !== undefined) parts.push(`temperature ${s.temperature}`);
  if (s.maxTokens !== undefined) parts.push(`max ${s.maxTokens} tokens`);
  if (s.reasoningEffort) parts.push(`reasoning ${s.reasoningEffort}`);
  if (s.provider && Object.keys(s.provider).length) parts.push('provider preferences');
  if (s.webSearch?.enabled) parts.push('web search');
  return parts.join(' · ');
}
