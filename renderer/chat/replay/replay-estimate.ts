import { computeCost } from '../../../shared/billing/cost';
import { boundedTextTokens, estimateRequestTokens } from '../../../shared/billing/estimate-tokens';
import type { ModelSummary } from '../../../shared/contract/models';
import { modelForPricing } from '../../common/money/model-pricing';
import { buildChatRequest } from '../state/request';
import { newColumn } from '../state/actions';
import type { MessageRow } from '../../common/room/types';

// What a replay may cost before it starts: for each prompt and model, the context it will send (counted with the
// tokenizer) at the model's input price, plus an answer as long as the original turn's shortest answer (low) to
// 1.5 × its longest (high) at the output price. A model without a price is named, never counted as free.

export interface ReplayEstimate {
  lowMicros: number;
  highMicros: number;
  unpricedModels: string[];
}

export function estimateReplay(contexts: { context: MessageRow[]; answers: string[] }[], models: string[], catalog: ModelSummary[]): ReplayEstimate {
  let low = 0;
  let high = 0;
  const unpriced = new Set<string>();
  for (const model of models) {
    const { pricing } = modelForPricing(catalog, model);
    if (!pricing) {
      unpriced.add(model);
      continue;
    }
    for (const { context, answers } of contexts) {
      const prompt = estimateRequestTokens(buildChatRequest(newColumn(model), context)).tokens;
      const lengths = answers.map(boundedTextTokens);
      const shortest = lengths.length ? Math.min(...lengths) : 0;
      const longest = lengths.length ? Math.max(...lengths) : 1_000;
      low += computeCost({ prompt, completion: shortest }, pricing).micros ?? 0;
      high += computeCost({ prompt, completion: Math.ceil(longest * 1.5) }, pricing).micros ?? 0;
    }
  }
  return { lowMicros: low, highMicros: high, unpricedModels: [...unpriced] };
}
