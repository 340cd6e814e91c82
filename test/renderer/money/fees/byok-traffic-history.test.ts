// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { byokTrafficOf } from '../../../../renderer/money/fees/byok-traffic';
import { modelForPricing } from '../../../../renderer/common/money/model-pricing';
import { findModel, loadBundledCatalog } from '../../../../shared/catalog';
import type { ModelSummary } from '../../../../shared/contract/models';
import { makeRecord } from '../../support/generation-records';
import { modelSummary } from '../../support/model-summaries';

// The BYOK allowance values each stored answer at OpenRouter's list price in force on the day it was made, out
// of the catalog's whole price history, and finds dated slugs the catalog knows only by a match rule.

const catalog = loadBundledCatalog();
const summaryOf = (id: string): ModelSummary => {
  const m = findModel(catalog, id)!;
  return modelSummary({ id: m.id, pricing: { ...m.pricing }, ...(m.match ? { match: m.match } : {}) });
};
const models = [summaryOf('google/gemma-4-31b-it'), summaryOf('openai/gpt-5.6-luna')];
const listPricing = (slug: string) => modelForPricing(models, slug).pricing;
const tokens = { prompt: 1_000_000, completion: 1_000_000, cacheRead: 0, cacheWrite: 0, reasoning: 0 };
const byok = (id: string, model: string, createdAt: number) =>
  makeRecord({ id, createdAt, requestedModel: model, model, isByok: true, tokens, costMicros: 25_000, computedCostMicros: 500_000 });

describe('the BYOK allowance re-prices history at each answer’s own date', () => {
  it('an answer from before a price change counts at the price of its day', () => {
    // OpenRouter's Gemma 4 31B: $0.12 + $0.36 per million until 2026-08-26, $0.09 + $0.34 from 2026-08-27
    const before = byokTrafficOf([byok('old', 'google/gemma-4-31b-it', Date.UTC(2026, 7, 26, 23, 59))], listPricing);
    expect(before.allowanceUsedMicros).toBe(480_000);
    const after = byokTrafficOf([byok('new', 'google/gemma-4-31b-it', Date.UTC(2026, 7, 27, 0, 0))], listPricing);
    expect(after.allowanceUsedMicros).toBe(430_000);
  });

  it('a dated slug OpenRouter answered with is priced as its model', () => {
    const dated = byokTrafficOf([byok('dated', 'openai/gpt-5.6-luna-20260801', Date.UTC(2026, 10, 1))], listPricing);
    expect(dated.skipped.noListPrice).toBe(0);
    expect(dated.allowanceUsedMicros).toBe(byokTrafficOf([byok('plain', 'openai/gpt-5.6-luna', Date.UTC(2026, 10, 1))], listPricing).allowanceUsedMicros);
    expect(dated.allowanceUsedMicros).toBeGreaterThan(0);
  });
});
