import { describe, expect, it } from 'vitest';
import type { GenerationRecord } from '../../../../shared/openrouter/generation';
import { sumLoopSteps } from '../../../../electron/tools/loop/loop-cost';

function step(costMicros: number | undefined, prompt: number, completion: number, durationMs: number): GenerationRecord {
  return {
    costMicros,
    tokens: { prompt, completion, cacheRead: 0, cacheWrite: 0, reasoning: 0 },
    durationMs,
  } as GenerationRecord;
}

describe('a tool loop’s totals', () => {
  it('sums cost, tokens and time over every step', () => {
    expect(sumLoopSteps([step(120, 100, 20, 800), step(340, 180, 60, 1200), step(5, 250, 10, 300)])).toEqual({
      steps: 3,
      costMicros: 465,
      promptTokens: 530,
      completionTokens: 90,
      durationMs: 2300,
    });
  });

  it('does not show a partial sum as the cost when a step’s cost is unknown', () => {
    expect(sumLoopSteps([step(120, 1, 1, 1), step(undefined, 1, 1, 1)]).costMicros).toBeNull();
    expect(sumLoopSteps([])).toMatchObject({ steps: 0, costMicros: 0 });
  });
});
