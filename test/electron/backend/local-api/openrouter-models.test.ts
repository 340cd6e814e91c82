import { describe, expect, it } from 'vitest';
import { openRouterModel, plainDecimal } from '../../../../electron/backend/local-api-data/openrouter-models';
import type { ModelSummary } from '../../../../shared/contract/models';

describe('local API model entries', () => {
  it('writes prices as plain decimal strings, exactly', () => {
    expect(plainDecimal('1.5e-7')).toBe('0.00000015');
    expect(plainDecimal('3E-6')).toBe('0.000003');
    expect(plainDecimal('0.0000025')).toBe('0.0000025');
    expect(plainDecimal('-1')).toBe('-1');
    expect(plainDecimal('0')).toBe('0');
    expect(plainDecimal('1.23456789012345678e-9')).toBe('0.00000000123456789012345678');
  });

  it('fills OpenRouter’s fields for a model the catalog has no entry for, with its list prices', () => {
    const s: ModelSummary = {
      id: 'ollama/llama3', name: 'Ollama: llama3', provider: 'ollama', contextLength: null, inputModalities: ['text'], outputModalities: ['text'],
      promptUsdPerMTok: 0, completionUsdPerMTok: 0, isFree: true, supportsReasoning: false, supportsTools: true, servedBy: ['Ollama'],
      servedByIds: ['local:ollama'], pricing: { prompt: '1.5e-7', completion: '0', long_context_tiers: [] },
    };
    expect(openRouterModel(s, undefined)).toEqual({
      id: 'ollama/llama3', canonical_slug: 'ollama/llama3', hugging_face_id: null, name: 'Ollama: llama3', created: 0, description: '',
      context_length: null,
      architecture: { modality: 'text->text', input_modalities: ['text'], output_modalities: ['text'], tokenizer: 'Other', instruct_type: null },
      pricing: { prompt: '0.00000015', completion: '0' },
      top_provider: { context_length: null, max_completion_tokens: null, is_moderated: false },
      per_request_limits: null,
      supported_parameters: ['max_tokens', 'temperature', 'top_p', 'stop', 'tools', 'tool_choice'],
      default_parameters: null,
      expiration_date: null,
      supported_voices: null,
      links: { details: '/api/v1/models/ollama/llama3/endpoints' },
    });
  });
});
