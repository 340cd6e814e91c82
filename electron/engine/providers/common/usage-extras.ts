import type { RawUsage } from '../../types';
import { num } from './values';

/** The billable extras some providers report beside the token counts: OpenRouter's `cost` and `is_byok`, and web
 * search requests. */
export function withExtras(u: RawUsage, cost: unknown, isByok: unknown, webSearch: unknown): RawUsage {
  const c = num(cost);
  if (c !== undefined) u.reportedCostUsd = c;
  if (typeof isByok === 'boolean') u.isByok = isByok;
  const w = num(webSearch);
  if (w !== undefined) u.webSearchRequests = w;
  return u;
}
