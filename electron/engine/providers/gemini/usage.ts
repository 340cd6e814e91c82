import type { RawUsage } from '../../types';
import { num, obj } from '../common/values';

/** Gemini `usageMetadata` (docs/provider-wire-formats.md §4.5; cumulative on every chunk: pass the latest, never sum). `candidatesTokenCount`
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
