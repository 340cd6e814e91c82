import type { GenerationRecord, TokenCounts } from '../../../shared/openrouter/generation';
import type { LoopStep } from '../../../shared/tools/tool-steps';
import type { AnswerOutcome } from '../../history/db/messages';
import type { MessageCost, MessageTimings } from '../../history/db/types';

// A tool loop's answer counts the whole loop: its tokens, cost and time are the sums over its model steps (each
// step stays its own generation record in the ledger). A cost is only summed when every step's is known: a partial
// sum would understate the answer, so one unknown step makes the answer's cost unknown, with that step's reason.

const TOKEN_SUMS = ['prompt', 'completion', 'cacheRead', 'cacheWrite', 'reasoning'] as const;
const OPTIONAL_SUMS = ['cacheWrite1h', 'audioIn', 'audioOut', 'imageIn', 'imageOut', 'webSearchRequests'] as const;

export function sumTokens(records: readonly GenerationRecord[]): TokenCounts | null {
  const counted = records.flatMap((r) => (r.tokens ? [r.tokens] : []));
  if (counted.length === 0) return null;
  const out: TokenCounts = { prompt: 0, completion: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0 };
  for (const t of counted) {
    for (const k of TOKEN_SUMS) out[k] += t[k];
    for (const k of OPTIONAL_SUMS) if (t[k] !== undefined) out[k] = (out[k] ?? 0) + t[k];
    if (t.estimated) out.estimated = true;
  }
  return out;
}

const sumOf = (records: readonly GenerationRecord[], k: 'costMicros' | 'computedCostMicros' | 'reportedCostMicros' | 'upstreamCostMicros'): number | undefined =>
  records.every((r) => r[k] !== undefined) ? records.reduce((n, r) => n + r[k]!, 0) : undefined;

export function sumCost(records: readonly GenerationRecord[]): MessageCost {
  const last = records[records.length - 1]!;
  const unknown = records.find((r) => r.costMicros === undefined);
  if (unknown) {
    const out: MessageCost = { costSource: unknown.costSource };
    if (unknown.costReason) out.costReason = unknown.costReason;
    if (unknown.costDetail) out.costDetail = unknown.costDetail;
    return out;
  }
  const out: MessageCost = { costSource: last.costSource, costMicros: sumOf(records, 'costMicros')! };
  for (const k of ['computedCostMicros', 'reportedCostMicros', 'upstreamCostMicros'] as const) {
    const v = sumOf(records, k);
    if (v !== undefined) out[k] = v;
  }
  if (last.pricingSnapshot) out.pricingSnapshot = last.pricingSnapshot;
  if (records.some((r) => r.isByok)) out.isByok = true;
  return out;
}

export function sumTimings(records: readonly GenerationRecord[]): MessageTimings {
  const durationMs = records.reduce((n, r) => n + r.durationMs, 0);
  const completion = records.reduce((n, r) => n + (r.tokens?.completion ?? 0), 0);
  return {
    ttftMs: records[0]?.ttftMs ?? null,
    durationMs,
    tokensPerSecond: durationMs > 0 && completion > 0 ? Math.round((completion / durationMs) * 1000 * 10) / 10 : null,
  };
}

/** The answer's figures for a tool loop (the steps themselves are stored too); unchanged when no step has a record. */
export function withLoopTotals(out: AnswerOutcome, steps: readonly LoopStep[]): AnswerOutcome {
  const records = steps.flatMap((s) => (s.record ? [s.record] : []));
  const next: AnswerOutcome = { ...out, toolSteps: [...steps] };
  if (records.length === 0) return next;
  next.tokens = sumTokens(records);
  const cost = sumCost(records);
  if (out.cost?.estimate) cost.estimate = out.cost.estimate;
  next.cost = cost;
  next.timings = sumTimings(records);
  return next;
}

/** "3 steps" for the answer's figures line. */
export function stepsLabel(steps: readonly LoopStep[] | undefined): string | null {
  const n = steps?.length ?? 0;
  return n > 1 ? `${n} steps` : null;
}

/** The generation whose reconciled bill stands for the whole answer: none for a loop of several steps (one step's
 * bill is not the answer's; its cost is the sum of the steps' own figures). */
export function billedGenerationId(row: { generationId?: string; toolSteps?: readonly LoopStep[] }): string | undefined {
  return (row.toolSteps?.length ?? 0) > 1 ? undefined : row.generationId;
}
