import { computeCost } from '../../../shared/billing/cost';
import { estimateRequestTokens, exceedsContext } from '../../../shared/billing/estimate-tokens';
import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { ModelSummary } from '../../../shared/contract/models';
import { modelForPricing } from './model-pricing';

// Before a send: each model's input tokens (o200k_base count, an estimate for every family) and what that input
// costs at the catalog's price, plus a range for the answer: up to max_tokens when the request caps it, or this
// model's typical answer length in the user's own history (the 25th to 90th percentile of earlier answers).

export type EstimateRequest = Pick<ChatRequest, 'messages' | 'tools' | 'max_tokens'>;

/** Completion tokens of earlier answers from one model (reported counts only). */
export type AnswerLengths = readonly number[];

export interface OutputRange {
  lowTokens: number;
  highTokens: number;
  basis: 'history' | 'max_tokens';
  samples?: number; // earlier answers the range comes from
  lowMicros?: number; // the cost of the answer at each end, when the model has a price
  highMicros?: number;
}

export interface ModelEstimate {
  model: string;
  name: string;
  tokens: number;
  uncountedParts: number;
  inputCostMicros?: number; // absent when the model has no known price
  output?: OutputRange;
  free: boolean;
  priceDetail?: string; // why there is no price
  contextLength: number | null;
  exceedsContext: boolean;
  reservedOutput: number; // max_tokens kept free for the answer in the context check
}

export const MIN_HISTORY = 3;

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** The answer's likely length: the user's history for this model, capped by max_tokens; else 0 to max_tokens. */
export function outputRange(lengths: AnswerLengths | undefined, maxTokens: number | undefined): Omit<OutputRange, 'lowMicros' | 'highMicros'> | undefined {
  const cap = maxTokens && maxTokens > 0 ? maxTokens : Infinity;
  const sorted = (lengths ?? []).filter((n) => Number.isFinite(n) && n > 0).sort((a, b) => a - b);
  if (sorted.length >= MIN_HISTORY) {
    return { lowTokens: Math.min(cap, percentile(sorted, 25)), highTokens: Math.min(cap, percentile(sorted, 90)), basis: 'history', samples: sorted.length };
  }
  return Number.isFinite(cap) ? { lowTokens: 0, highTokens: cap, basis: 'max_tokens' } : undefined;
}

export function estimateFor(model: string, request: EstimateRequest, catalog: ModelSummary[], lengths?: AnswerLengths, at = Date.now()): ModelEstimate {
  const est = estimateRequestTokens(request);
  const { model: m, pricing, detail } = modelForPricing(catalog, model);
  const cost = computeCost({ prompt: est.tokens, completion: 0, estimated: true }, pricing, { at });
  const reserve = request.max_tokens ?? 0;
  const out: ModelEstimate = {
    model,
    name: m?.name ?? model,
    tokens: est.tokens,
    uncountedParts: est.uncountedParts,
    ...(cost.micros !== undefined ? { inputCostMicros: cost.micros } : {}),
    free: cost.reason === 'free',
    ...(detail ? { priceDetail: detail } : {}),
    contextLength: m?.contextLength ?? null,
    exceedsContext: exceedsContext(est, m ? { context_length: m.contextLength } : undefined, reserve),
    reservedOutput: reserve,
  };
  const range = outputRange(lengths, request.max_tokens);
  if (range) {
    const outputCost = (tokens: number) => {
      const total = computeCost({ prompt: est.tokens, completion: tokens, estimated: true }, pricing, { at }).micros;
      return total !== undefined && cost.micros !== undefined ? total - cost.micros : undefined;
    };
    const low = outputCost(range.lowTokens);
    const high = outputCost(range.highTokens);
    out.output = { ...range, ...(low !== undefined ? { lowMicros: low } : {}), ...(high !== undefined ? { highMicros: high } : {}) };
  }
  return out;
}
