import { describe, expect, it } from 'vitest';
import { toOpenRouterUsage } from '../../../../electron/engine/usage/normalize';
import { fromAnthropic } from '../../../../electron/engine/providers/anthropic/usage';
import { fromGemini } from '../../../../electron/engine/providers/gemini/usage';
import { fromOpenAI } from '../../../../electron/engine/providers/openai-compatible/usage';

describe('fromOpenAI', () => {
  it('keeps OpenAI semantics: prompt includes cached, completion includes reasoning', () => {
    expect(fromOpenAI({
      prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500,
      prompt_tokens_details: { cached_tokens: 1024 }, completion_tokens_details: { reasoning_tokens: 128 },
    })).toEqual({ promptTokens: 1200, completionTokens: 300, cacheReadTokens: 1024, cacheWriteTokens: 0, reasoningTokens: 128 });
  });

  it('reads DeepSeek prompt_cache_hit_tokens, also without prompt_tokens', () => {
    expect(fromOpenAI({ prompt_tokens: 339, completion_tokens: 83, prompt_cache_hit_tokens: 320, prompt_cache_miss_tokens: 19 }))
      .toEqual({ promptTokens: 339, completionTokens: 83, cacheReadTokens: 320, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(fromOpenAI({ completion_tokens: 5, prompt_cache_hit_tokens: 30, prompt_cache_miss_tokens: 12 })?.promptTokens).toBe(42);
  });

  it('reads OpenRouter cost, BYOK flag, cache writes and web searches', () => {
    expect(fromOpenAI({
      prompt_tokens: 194, completion_tokens: 2, total_tokens: 196,
      prompt_tokens_details: { cached_tokens: 50, cache_write_tokens: 100 },
      cost: 0.95, is_byok: true, server_tool_use: { web_search_requests: 2 },
    })).toEqual({
      promptTokens: 194, completionTokens: 2, cacheReadTokens: 50, cacheWriteTokens: 100, reasoningTokens: 0,
      reportedCostUsd: 0.95, isByok: true, webSearchRequests: 2,
    });
  });

  it('reads BYOK through OpenRouter: its fee in cost, the provider’s charge in cost_details; audio and image tokens', () => {
    expect(fromOpenAI({
      prompt_tokens: 100, completion_tokens: 50, cost: 0.000525, is_byok: true, cost_details: { upstream_inference_cost: 0.0105 },
      prompt_tokens_details: { audio_tokens: 20 }, completion_tokens_details: { audio_tokens: 5, image_tokens: 7 },
    })).toMatchObject({ reportedCostUsd: 0.000525, upstreamCostUsd: 0.0105, isByok: true, audioIn: 20, audioOut: 5, imageOut: 7 });
    expect(fromOpenAI({ prompt_tokens: 1, completion_tokens: 1, cost_details: { upstream_inference_cost: null } })).not.toHaveProperty('upstreamCostUsd');
  });

  it('reads OpenRouter’s split of the provider’s charge into input and output, and passes it on in the usage it writes', () => {
    const raw = fromOpenAI({
      prompt_tokens: 100, completion_tokens: 50, cost: 0.000525, is_byok: true,
      cost_details: { upstream_inference_cost: 0.0105, upstream_inference_prompt_cost: 0.003, upstream_inference_completions_cost: 0.0075 },
    })!;
    expect(raw).toMatchObject({ upstreamCostUsd: 0.0105, upstreamPromptCostUsd: 0.003, upstreamCompletionsCostUsd: 0.0075 });
    expect(toOpenRouterUsage(raw).cost_details).toEqual({
      upstream_inference_cost: 0.0105, upstream_inference_prompt_cost: 0.003, upstream_inference_completions_cost: 0.0075,
    });
  });

  it('adds reasoning to completion when the provider left it out (xAI: total = prompt + completion + reasoning)', () => {
    expect(fromOpenAI({ prompt_tokens: 12, completion_tokens: 2, total_tokens: 354, completion_tokens_details: { reasoning_tokens: 340 } })?.completionTokens).toBe(342);
    // Standard OpenAI where total = prompt + completion: untouched.
    expect(fromOpenAI({ prompt_tokens: 12, completion_tokens: 342, total_tokens: 354, completion_tokens_details: { reasoning_tokens: 340 } })?.completionTokens).toBe(342);
  });

  it('returns undefined for null, non-objects and objects without counts', () => {
    expect(fromOpenAI(null)).toBeUndefined();
    expect(fromOpenAI('12')).toBeUndefined();
    expect(fromOpenAI({ queue_time: 0.1 })).toBeUndefined();
  });
});

describe('fromAnthropic', () => {
  it('adds cache read and cache creation to the non-cached input_tokens', () => {
    expect(fromAnthropic({ input_tokens: 10, cache_read_input_tokens: 2000, cache_creation_input_tokens: 500, output_tokens: 1 }, { output_tokens: 77 }))
      .toEqual({ promptTokens: 2510, completionTokens: 77, cacheReadTokens: 2000, cacheWriteTokens: 500, reasoningTokens: 0 });
  });

  it('lets cumulative message_delta fields override message_start', () => {
    const u = fromAnthropic(
      { input_tokens: 17, output_tokens: 1, cache_read_input_tokens: 0 },
      { input_tokens: 25, output_tokens: 227, cache_read_input_tokens: null, output_tokens_details: { thinking_tokens: 100 }, server_tool_use: { web_search_requests: 1 } },
    );
    expect(u).toEqual({ promptTokens: 25, completionTokens: 227, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 100, webSearchRequests: 1 });
  });

  it('reads the 1-hour share of the cache writes from cache_creation', () => {
    const u = fromAnthropic(
      { input_tokens: 10, cache_creation_input_tokens: 3000, cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 }, output_tokens: 1 },
      { output_tokens: 40, server_tool_use: { web_search_requests: 3 } },
    );
    expect(u).toMatchObject({ cacheWriteTokens: 3000, cacheWrite1h: 2000, webSearchRequests: 3 });
    // no 1-hour writes: nothing extra is recorded
    expect(fromAnthropic({ input_tokens: 1, output_tokens: 1, cache_creation: { ephemeral_1h_input_tokens: 0 } })).not.toHaveProperty('cacheWrite1h');
  });

  it('works with only the message body usage (non-streaming) and returns undefined without any', () => {
    expect(fromAnthropic({ input_tokens: 12, output_tokens: 29 })).toEqual({ promptTokens: 12, completionTokens: 29, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(fromAnthropic(undefined, undefined)).toBeUndefined();
  });
});

describe('fromGemini', () => {
  it('counts thoughts as output and cached content as part of the prompt', () => {
    expect(fromGemini({ promptTokenCount: 9000, cachedContentTokenCount: 8000, candidatesTokenCount: 23, thoughtsTokenCount: 185, totalTokenCount: 9208 }))
      .toEqual({ promptTokens: 9000, completionTokens: 208, cacheReadTokens: 8000, cacheWriteTokens: 0, reasoningTokens: 185 });
  });

  it('adds tool-use prompt tokens to the prompt', () => {
    expect(fromGemini({ promptTokenCount: 10, toolUsePromptTokenCount: 5, candidatesTokenCount: 3 })?.promptTokens).toBe(15);
  });

  it('reads audio and image tokens from the per-modality details', () => {
    expect(fromGemini({
      promptTokenCount: 100, candidatesTokenCount: 50,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: 60 }, { modality: 'AUDIO', tokenCount: 30 }, { modality: 'IMAGE', tokenCount: 10 }],
      candidatesTokensDetails: [{ modality: 'AUDIO', tokenCount: 50 }],
    })).toMatchObject({ audioIn: 30, imageIn: 10, audioOut: 50 });
  });

  it('ignores metadata without counts (Vertex trafficType-only chunks)', () => {
    expect(fromGemini({ trafficType: 'ON_DEMAND' })).toBeUndefined();
    expect(fromGemini(undefined)).toBeUndefined();
  });
});

describe('toOpenRouterUsage', () => {
  it('produces the OpenRouter usage object', () => {
    expect(toOpenRouterUsage({ promptTokens: 2510, completionTokens: 77, cacheReadTokens: 2000, cacheWriteTokens: 500, reasoningTokens: 30, reportedCostUsd: 0.0123, isByok: false, webSearchRequests: 1 }))
      .toEqual({
        prompt_tokens: 2510, completion_tokens: 77, total_tokens: 2587,
        prompt_tokens_details: { cached_tokens: 2000, cache_write_tokens: 500 },
        completion_tokens_details: { reasoning_tokens: 30 },
        cost: 0.0123, is_byok: false, server_tool_use: { web_search_requests: 1 },
      });
  });

  it('writes the money it is given as OpenRouter does, exact decimals as JSON numbers', () => {
    const u = toOpenRouterUsage({ promptTokens: 1, completionTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }, { cost: '0', isByok: true, upstreamInferenceCost: '0.0001245' });
    expect(u).toMatchObject({ cost: 0, is_byok: true, cost_details: { upstream_inference_cost: 0.0001245 } });
    expect(toOpenRouterUsage({ promptTokens: 1, completionTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }, { cost: '0', isByok: true, upstreamInferenceCost: null }).cost_details).toBeNull();
  });

  it('omits cost and BYOK when unknown', () => {
    const u = toOpenRouterUsage({ promptTokens: 1, completionTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(u).not.toHaveProperty('cost');
    expect(u).not.toHaveProperty('is_byok');
    expect(u.total_tokens).toBe(3);
  });
});
