import type { ChatRequest } from '../../../../shared/openrouter/chat-request';

// The request's reasoning wish, from `reasoning`, `reasoning_effort` or the legacy `include_reasoning`
// (docs/openrouter-api.md §1.4).

export type Effort = 'max' | 'xhigh' | 'high' | 'medium' | 'low' | 'minimal';

/** `enabled: true` without effort or maxTokens = "provider default" (e.g. only `exclude` was given): providers
 * whose reasoning is off by default keep it off. */
export type ReasoningWish =
  | { enabled: false }
  | { enabled: true; effort?: Effort; maxTokens?: number; exclude: boolean };

/** Share of max_tokens spent on reasoning per effort (OpenRouter's documented ratios). */
export const EFFORT_RATIO: Record<Effort, number> = { max: 0.95, xhigh: 0.95, high: 0.8, medium: 0.5, low: 0.2, minimal: 0.1 };

/** undefined = the request said nothing about reasoning (provider default applies). */
export function reasoningWish(body: ChatRequest): ReasoningWish | undefined {
  const r = body.reasoning;
  const effort = r?.effort ?? body.reasoning_effort;
  if (r?.enabled === false || effort === 'none') return { enabled: false };
  const exclude = r?.exclude === true;
  if (r?.max_tokens !== undefined) return { enabled: true, maxTokens: r.max_tokens, exclude };
  if (effort) return { enabled: true, effort, exclude };
  if (r?.enabled === true || (r && !r.exclude && Object.keys(r).length === 0)) return { enabled: true, effort: 'medium', exclude };
  if (r?.exclude) return { enabled: true, exclude };
  if (body.include_reasoning === true) return { enabled: true, effort: 'medium', exclude: false };
  if (body.include_reasoning === false) return { enabled: true, exclude: true };
  return undefined;
}

/** Whether reasoning text should be dropped from the output (`reasoning.exclude`). */
export function excludesReasoning(body: ChatRequest): boolean {
  return body.reasoning?.exclude === true || body.include_reasoning === false;
}

export function maxOutputTokens(body: ChatRequest): number | undefined {
  return body.max_tokens ?? body.max_completion_tokens;
}
