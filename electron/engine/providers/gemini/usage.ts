import type { RawUsage } from '../../types';
import { arr, num, obj } from '../common/values';
import { withExtras } from '../common/usage-extras';

/** Gemini `usageMetadata` (docs/provider-wire-formats.md §4.5; cumulative on every chunk: pass the latest, never sum). `candidatesTokenCount`
 * excludes thoughts, so output = candidates + thoughts; tool-use prompt tokens are input; audio and image
 * tokens come from the per-modality details. Undefined for a
 * metadata object without counts (some Vertex chunks carry only `trafficType`). */
export function fromGemini(usageMetadata: unknown): RawUsage | undefined {
  const m = obj(usageMetadata);
  if (!m) return undefined;
  const prompt = num(m.promptTokenCount);
  const candidates = num(m.candidatesTokenCount);
  const thoughts = num(m.thoughtsTokenCount);
  if (prompt === undefined && candidates === undefined && thoughts === undefined) return undefined;
  const input = [m.promptTokensDetails, m.toolUsePromptTokensDetails];
  return withExtras(
    {
      promptTokens: (prompt ?? 0) + (num(m.toolUsePromptTokenCount) ?? 0),
      completionTokens: (candidates ?? 0) + (thoughts ?? 0),
      cacheReadTokens: num(m.cachedContentTokenCount) ?? 0,
      cacheWriteTokens: 0,
      reasoningTokens: thoughts ?? 0,
    },
    {
      audioIn: byModality(input, 'AUDIO'),
      imageIn: byModality(input, 'IMAGE'),
      audioOut: byModality([m.candidatesTokensDetails], 'AUDIO'),
      imageOut: byModality([m.candidatesTokensDetails], 'IMAGE'),
    },
  );
}

/** Tokens of one modality in `[{modality, tokenCount}]` lists (promptTokensDetails and friends). */
function byModality(lists: unknown[], modality: string): number | undefined {
  let total: number | undefined;
  for (const list of lists) {
    for (const item of arr(list) ?? []) {
      const o = obj(item);
      const n = num(o?.tokenCount);
      if (o?.modality === modality && n !== undefined) total = (total ?? 0) + n;
    }
  }
  return total;
}
