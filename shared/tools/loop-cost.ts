import type { GenerationRecord } from '../openrouter/generation';

// A tool loop's answer is the sum of its model steps; each step stays its own generation record. Main sums them
// for the loop's result, the renderer for "Explain this cost".

export interface LoopTotals {
  steps: number;
  /** null when any step's cost is unknown: a partial sum would understate the answer. */
  costMicros: number | null;
  promptTokens: number;
  completionTokens: number;
  durationMs: number;
}

export function sumLoopSteps(records: readonly GenerationRecord[]): LoopTotals {
  let cost: number | null = 0;
  let prompt = 0;
  let completion = 0;
  let duration = 0;
  for (const r of records) {
    cost = cost === null || r.costMicros === undefined ? null : cost + r.costMicros;
    prompt += r.tokens?.prompt ?? 0;
    completion += r.tokens?.completion ?? 0;
    duration += r.durationMs;
  }
  return { steps: records.length, costMicros: cost, promptTokens: prompt, completionTokens: completion, durationMs: duration };
}
