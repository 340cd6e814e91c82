import { estimateRequestTokens } from '../../../shared/billing/estimate-tokens';
import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import { isLocalServer } from '../routing/providers';
import type { RouteStep } from '../routing/route-types';
import { maxSearches } from '../routing/web-search';

// The most a request can cost before it is sent, for budgets that reserve (docs/openrouter-api.md §12.2): its
// prompt tokens (o200k_base count) at the input price plus its output ceiling at the output price, plus any
// per-request fee and its web searches (at most maxSearches, at the per-search price), on the dearest endpoint it
// may be tried on (only one of them answers and bills). The output ceiling is the request's max_completion_tokens / max_tokens, else the model's output limit, else what its
// context window leaves after the prompt. Local servers are free. When no endpoint's price or ceiling is known the
// worst case is unknown, and the caller applies its own cap.

/** What the catalog knows of a model's limits (OpenRouter /models: top_provider.max_completion_tokens, context_length). */
export interface ModelLimits {
  maxOutputTokens?: number;
  contextLength?: number;
}

export type ModelLimitsLookup = (modelSlug: string) => ModelLimits | undefined;

export type WorstCase =
  | { known: true; micros: number }
  /** `atLeastMicros`: the part that is known (the prompt at the dearest known input price). */
  | { known: false; atLeastMicros: number };

const positive = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

function outputCeiling(body: ChatRequest, promptTokens: number, limits: ModelLimits | undefined): number | undefined {
  const asked = body.max_completion_tokens ?? body.max_tokens;
  const modelMax = positive(limits?.maxOutputTokens) ? limits.maxOutputTokens : undefined;
  const contextLeft = positive(limits?.contextLength) ? Math.max(0, limits.contextLength - promptTokens) : undefined;
  const ceilings = [asked, modelMax, contextLeft].filter((n): n is number => n !== undefined);
  // max_tokens above the model's limit cannot be produced; without max_tokens the model's own limit bounds it
  if (asked !== undefined) return Math.min(...ceilings);
  return modelMax ?? contextLeft;
}

/** The worst case over the endpoints a request may be tried on. Integer micro-dollars, rounded up. */
export function worstCaseCost(req: ChatRequest, steps: readonly RouteStep[], limitsOf: ModelLimitsLookup | undefined): WorstCase {
  const promptTokens = estimateRequestTokens(req).tokens;
  let known = 0;
  let atLeast = 0;
  let unknown = false;
  for (const { endpoint, body } of steps) {
    if (isLocalServer(endpoint.upstream)) continue;
    const price = endpoint.price;
    if (!price) {
      unknown = true;
      continue;
    }
    // USD per million tokens × tokens = micro-dollars
    const searchMicros = price.webSearch ? maxSearches(body, endpoint) * price.webSearch * 1e6 : 0;
    const promptMicros = promptTokens * price.promptPerMTok + (price.request ?? 0) * 1e6 + searchMicros;
    atLeast = Math.max(atLeast, promptMicros);
    const output = outputCeiling(body, promptTokens, limitsOf?.(endpoint.modelSlug));
    if (output === undefined) {
      unknown = price.completionPerMTok > 0 || unknown;
      continue;
    }
    known = Math.max(known, promptMicros + output * price.completionPerMTok);
  }
  if (unknown) return { known: false, atLeastMicros: Math.ceil(Math.max(atLeast, known)) };
  return { known: true, micros: Math.ceil(known) };
}
