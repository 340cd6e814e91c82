import type { RawUsage } from '../../types';
import { EXTRA_UNITS, type ExtraUnit } from '../../../../shared/openrouter/generation';
import { num } from './values';

/** The billable extras some providers report beside the token counts: OpenRouter's `cost`, `is_byok` and
 * `cost_details` (the provider's charge and its input/output split), and the billable units beside the totals
 * (web search requests, 1-hour cache writes, audio and image tokens…). Only numbers are kept; anything else is ignored. */
interface UsageCostExtras {
  cost?: unknown;
  upstreamCost?: unknown;
  upstreamPromptCost?: unknown;
  upstreamCompletionsCost?: unknown;
  isByok?: unknown;
}

/** The billable units beside the totals, by their record names (TokenCounts). */
export type UsageExtras = UsageCostExtras & { [K in ExtraUnit]?: unknown };

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
  // A web search count is kept even when 0 (the caller learns none ran); the other units only when present.
  for (const unit of EXTRA_UNITS) if (unit === 'webSearchRequests' || num(x[unit])) set(unit, x[unit]);
  return u;
}
