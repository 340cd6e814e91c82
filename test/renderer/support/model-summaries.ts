import type { ModelSummary } from '../../../shared/contract/models';

export function modelSummary(over: Partial<ModelSummary> & { id: string }): ModelSummary {
  return {
    name: over.id,
    provider: over.id.split('/')[0] ?? '',
    contextLength: 128_000,
    inputModalities: ['text'],
    outputModalities: ['text'],
    promptUsdPerMTok: 1,
    completionUsdPerMTok: 2,
    isFree: false,
    supportsReasoning: false,
    supportsTools: false,
    servedBy: ['OpenRouter'],
    servedByIds: ['openrouter'],
    pricing: null,
    ...over,
  };
}
