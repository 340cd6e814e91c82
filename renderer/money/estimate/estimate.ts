import { computeCost } from '../../../shared/billing/cost';
import { estimateRequestTokens, exceedsContext } from '../../../shared/billing/estimate-tokens';
import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import type { ModelSummary } from '../../../shared/contract/models';
import { findModel } from '../../chat/models/use-models';
import { pricingOf } from './model-pricing';

// Before a send: each model's input tokens (o200k_base count, an estimate for every family) and what that input
// costs at the catalog's prompt price. Output is not counted: its length is unknown until the answer comes.

export type EstimateRequest = Pick<ChatRequest, 'messages' | 'tools' | 'max_tokens'>;

export interface ModelEstimate {
  model: string;
  name: string;
  tokens: number;
  uncountedParts: number;
  inputCostMicros?: number; // absent when the model has no known price
  free: boolean;
  contextLength: number | null;
  exceedsContext: boolean;
  reservedOutput: number; // max_tokens kept free for the answer in the context check
}

export function estimateFor(model: string, request: EstimateRequest, catalog: ModelSummary[]): ModelEstimate {
  const est = estimateRequestTokens(request);
  const m = findModel(catalog, model);
  const variants = model.split(':').slice(1);
  const cost = computeCost({ prompt: est.tokens, completion: 0, estimated: true }, pricingOf(m), { variant: variants });
  const reserve = request.max_tokens ?? 0;
  return {
    model,
    name: m?.name ?? model,
    tokens: est.tokens,
    uncountedParts: est.uncountedParts,
    ...(cost.micros !== undefined ? { inputCostMicros: cost.micros } : {}),
    free: cost.reason === 'free' || m?.isFree === true,
    contextLength: m?.contextLength ?? null,
    exceedsContext: exceedsContext(est, m ? { context_length: m.contextLength } : undefined, reserve),
    reservedOutput: reserve,
  };
}
