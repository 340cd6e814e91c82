import { computeCost } from '../../../shared/billing/cost';
import { estimateRequestTokens } from '../../../shared/billing/estimate-tokens';
import type { ModelSummary } from '../../../shared/contract/models';
import type { ChatRequest } from '../../../shared/openrouter/chat-request';
import { modelForPricing } from '../../common/money/model-pricing';

// The most one column's answer can cost, held against the spend limits while it runs: its prompt (o200k_base
// count, as the estimate under the composer) at the input price, plus max_tokens — or, without it, all that the
// model's context window leaves after the prompt — at the output price. Free models cost nothing; a model without a
// known price or output ceiling is held at `capMicros` (Settings → Spend limits), or at its prompt's cost if more.

export type WorstCaseRequest = Pick<ChatRequest, 'messages' | 'tools' | 'max_tokens' | 'max_completion_tokens'>;

export function columnWorstCase(slug: string, request: WorstCaseRequest, models: ModelSummary[], capMicros: number, at = Date.now()): number {
  const { model, pricing } = modelForPricing(models, slug);
  if (slug.split(':').slice(1).includes('free') || model?.isFree) return 0;
  if (!pricing) return capMicros;
  const tokens = estimateRequestTokens(request).tokens;
  const asked = request.max_completion_tokens ?? request.max_tokens;
  const contextLeft = model?.contextLength ? Math.max(0, model.contextLength - tokens) : undefined;
  const ceiling = asked !== undefined && contextLeft !== undefined ? Math.min(asked, contextLeft) : (asked ?? contextLeft);
  const cost = (completion: number) => computeCost({ prompt: tokens, completion, estimated: true }, pricing, { at });
  if (ceiling === undefined) return Math.max(capMicros, cost(0).micros ?? 0);
  const r = cost(ceiling);
  if (r.reason === 'free') return 0;
  return r.micros ?? capMicros;
}
