import type { CostComponent } from '../../../shared/billing/cost';
import type { CostDetails } from '../../../shared/openrouter/chat-response';
import type { CostLineRecord } from '../../../shared/openrouter/generation';
import type { RawUsage } from '../types';

// `usage.cost_details` (docs/openrouter-api.md §3): the provider's charge and the same charge split into input
// (`upstream_inference_prompt_cost`) and output (`upstream_inference_completions_cost`); OpenRouter's schema
// requires both parts whenever `cost_details` is there. The split is OpenRouter's own when it reported one with
// the same charge; otherwise it follows Parley's price lines (exact when the charge is Parley's price, in their
// proportions when the charge is a figure OpenRouter reported). Output is every output-token line; everything
// else (input, cache, images, requests, searches) is input. Without any line the whole charge is input.

const OUTPUT: ReadonlySet<string> = new Set<CostComponent>(['output', 'reasoning', 'audio_output', 'image_output']);

const lineMicros = (l: CostLineRecord) => l.units * Number(l.rateMicrosPerUnit);

export function costDetails(charge: number, raw: RawUsage | undefined, lines: readonly CostLineRecord[] | undefined): CostDetails {
  const details = (prompt: number, completions: number): CostDetails => ({
    upstream_inference_cost: charge,
    upstream_inference_prompt_cost: prompt,
    upstream_inference_completions_cost: completions,
  });
  const reported = raw?.upstreamCostUsd === charge ? raw : undefined;
  if (reported?.upstreamPromptCostUsd !== undefined && reported.upstreamCompletionsCostUsd !== undefined) {
    return details(reported.upstreamPromptCostUsd, reported.upstreamCompletionsCostUsd);
  }
  let all = 0;
  let output = 0;
  for (const l of lines ?? []) {
    const m = lineMicros(l);
    all += m;
    if (OUTPUT.has(l.component)) output += m;
  }
  if (!(all > 0) || !Number.isFinite(output)) return details(charge, 0);
  const completions = output === all ? charge : Number(((charge * output) / all).toPrecision(15));
  return details(Number((charge - completions).toPrecision(15)), completions);
}
