import { describe, expect, it } from 'vitest';
import { costDetails } from '../../../../electron/engine/usage/cost-details';
import type { CostLineRecord } from '../../../../shared/openrouter/generation';
import type { RawUsage } from '../../../../electron/engine/types';

// usage.cost_details: the provider's charge, split into input and output as OpenRouter's schema requires.

const raw = (extra: Partial<RawUsage> = {}): RawUsage => ({ promptTokens: 1000, completionTokens: 500, cacheReadTokens: 200, cacheWriteTokens: 0, reasoningTokens: 100, ...extra });
const line = (component: CostLineRecord['component'], units: number, rate: string): CostLineRecord => ({ component, units, unit: 'token', rateMicrosPerUnit: rate, micros: Math.round(units * Number(rate)) });
// $2.5/M input, $1.25/M cache read, $10/M output (reasoning at the output rate)
const lines = [line('input', 800, '2.5'), line('cache_read', 200, '1.25'), line('output', 400, '10'), line('reasoning', 100, '10')];

describe('costDetails', () => {
  it('splits Parley’s own price exactly: output and reasoning lines are the completion cost, the rest the prompt cost', () => {
    expect(costDetails(0.00725, raw(), lines)).toEqual({
      upstream_inference_cost: 0.00725, upstream_inference_prompt_cost: 0.00225, upstream_inference_completions_cost: 0.005,
    });
  });

  it('passes on the split OpenRouter reported with the same charge', () => {
    const reported = raw({ upstreamCostUsd: 0.01, upstreamPromptCostUsd: 0.004, upstreamCompletionsCostUsd: 0.006 });
    expect(costDetails(0.01, reported, lines)).toEqual({
      upstream_inference_cost: 0.01, upstream_inference_prompt_cost: 0.004, upstream_inference_completions_cost: 0.006,
    });
  });

  it('splits a charge OpenRouter reported alone in the proportions of Parley’s price lines', () => {
    const d = costDetails(0.0145, raw({ upstreamCostUsd: 0.0145 }), lines); // twice Parley's price
    expect(d.upstream_inference_completions_cost).toBeCloseTo(0.01, 15);
    expect(d.upstream_inference_prompt_cost).toBeCloseTo(0.0045, 15);
  });

  it('counts the whole charge as input when there is no line to split it by, and a free answer as 0 and 0', () => {
    expect(costDetails(0.003, raw(), undefined)).toEqual({ upstream_inference_cost: 0.003, upstream_inference_prompt_cost: 0.003, upstream_inference_completions_cost: 0 });
    expect(costDetails(0, raw(), [])).toEqual({ upstream_inference_cost: 0, upstream_inference_prompt_cost: 0, upstream_inference_completions_cost: 0 });
  });
});
