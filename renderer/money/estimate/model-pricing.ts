import type { ModelPricing } from '../../../shared/catalog/types';
import type { ModelSummary } from '../../../shared/contract/models';
import { parseDecimal, shift, toDecimalString } from '../../../shared/billing/decimal';

/** models.list prices (USD per million tokens) as the per-token price list computeCost reads. Only prompt and
 * completion rates cross the bridge, so cache reads and writes are priced as ordinary input. */
export function pricingOf(m: Pick<ModelSummary, 'promptUsdPerMTok' | 'completionUsdPerMTok'> | undefined): ModelPricing | undefined {
  if (!m || m.promptUsdPerMTok === null || m.completionUsdPerMTok === null) return undefined;
  const prompt = parseDecimal(m.promptUsdPerMTok);
  const completion = parseDecimal(m.completionUsdPerMTok);
  if (!prompt || !completion || prompt.n < 0n || completion.n < 0n) return undefined;
  return { prompt: toDecimalString(shift(prompt, -6)), completion: toDecimalString(shift(completion, -6)) };
}
