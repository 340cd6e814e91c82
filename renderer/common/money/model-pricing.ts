import type { ModelPricing } from '../../../shared/catalog/types';
import type { ModelSummary } from '../../../shared/contract/models';
import { parseDecimal, shift, toDecimalString } from '../../../shared/billing/decimal';
import { splitVariants } from '../../../shared/catalog/find-model';
import { dashedDate, matchesRule } from '../../../shared/catalog/match';

/** Static variants priced apart from their base model: only an entry of their own prices them. */
const PRICED_VARIANTS = new Set(['free', 'extended']);

const isPriceString = (v: unknown): v is string => typeof v === 'string' && parseDecimal(v) !== undefined;

/** A model's price list as computeCost reads it: the catalog's full list when models.list carried it (cache,
 * audio and per-request rates included), else its prompt and completion rates per million tokens. */
export function pricingOf(m: Pick<ModelSummary, 'promptUsdPerMTok' | 'completionUsdPerMTok'> & Partial<Pick<ModelSummary, 'pricing'>> | undefined): ModelPricing | undefined {
  if (!m) return undefined;
  const full = m.pricing;
  if (full && isPriceString(full.prompt) && isPriceString(full.completion)) return full as unknown as ModelPricing;
  if (m.promptUsdPerMTok === null || m.completionUsdPerMTok === null) return undefined;
  const prompt = parseDecimal(m.promptUsdPerMTok);
  const completion = parseDecimal(m.completionUsdPerMTok);
  if (!prompt || !completion || prompt.n < 0n || completion.n < 0n) return undefined;
  return { prompt: toDecimalString(shift(prompt, -6)), completion: toDecimalString(shift(completion, -6)) };
}

/** The model whose aliases or match rule name the slug (a dated slug such as "openai/gpt-5.6-luna-20260801"), as
 * the catalog looks it up (shared/catalog/find-model.ts). */
function namedBy(models: ModelSummary[], slug: string): ModelSummary | undefined {
  const ids = [...new Set([slug.toLowerCase(), dashedDate(slug.toLowerCase())])];
  const byAlias = models.find((m) => m.aliases?.some((a) => ids.includes(a.toLowerCase())));
  return byAlias ?? models.find((m) => m.match && ids.some((id) => matchesRule(m.match!, id)));
}

/** The catalog entry a slug is priced by: the exact id (or an alias, or a dated slug its match rule names), else the base model unless the slug asks for a priced
 * static variant (":free") the catalog does not list — then no price, and `detail` says why. */
export function modelForPricing(models: ModelSummary[], slug: string): { model?: ModelSummary; pricing?: ModelPricing; detail?: string } {
  const exact = models.find((m) => m.id === slug) ?? namedBy(models, slug);
  if (exact) return { model: exact, pricing: pricingOf(exact) };
  const { base, variants } = splitVariants(slug);
  const model = models.find((m) => m.id === base) ?? namedBy(models, base);
  if (!model) return { detail: `${slug} is not in the price list` };
  const missing = variants.find((v) => PRICED_VARIANTS.has(v));
  if (missing) return { model, detail: `the price list has no :${missing} variant of ${base}` };
  return { model, pricing: pricingOf(model) };
}
