import type { RawUsage } from '../../types';
import { num } from './values';

/** The billable extras some providers report beside the token counts: OpenRouter's `cost`, `is_byok` and
 * `cost_details` (the provider's charge and its input/output split), web search requests, 1-hour cache writes,
 * and audio and image tokens. Only numbers are kept; anything else is ignored. */
export interface UsageExtras {
  cost?: unknown;
  upstreamCost?: unknown;
  upstreamPromptCost?: unknown;
  upstreamCompletionsCost?: unknown;
  isByok?: unknown;
  webSearch?: unknown;
  cacheWrite1h?: unknown;
  audioIn?: unknown;
  audioOut?: unknown;
  imageIn?: unknown;
  imageOut?: unknown;
}

export function withExtras(u: RawUsage, x: UsageExtras): RawUsage {
  const set = <K extends keyof RawUsage>(key: K, v: unknown) => {
    const n = num(v);
    if (n !== undefined) (u as unknown as Record<string, unknown>)[key] = n;
  };
  set('reportedCostUsd', x.cost);
  set('upstreamCostUsd', x.upstreamCost);
  set('upstreamPromptCostUsd', x.upstreamPromptCost);
  set('upstreamCompletionsCostUsd', x.upstreamCompletionsCost);
  if (typeof x.isByok === 'boolean') u.isByok = x.isByok;
  set('webSearchRequests', x.webSearch);
  set('cacheWrite1hTokens', x.cacheWrite1h);
  if (num(x.audioIn)) set('audioInTokens', x.audioIn);
  if (num(x.audioOut)) set('audioOutTokens', x.audioOut);
  if (num(x.imageIn)) set('imageInTokens', x.imageIn);
  if (num(x.imageOut)) set('imageOutTokens', x.imageOut);
  return u;
}
