import type { ModelSummary } from '../../../shared/contract/models';

const perM = (usd: number) => `$${usd >= 1 ? usd.toFixed(2) : usd >= 0.01 ? usd.toFixed(2) : usd.toPrecision(2)}`;

/** A model's list price as a newcomer reads it: "$0.15 in · $0.60 out per million tokens". */
export function priceText(m: Pick<ModelSummary, 'promptUsdPerMTok' | 'completionUsdPerMTok'>, local: boolean): string {
  const { promptUsdPerMTok: p, completionUsdPerMTok: c } = m;
  if (local) return 'Free: runs on this machine';
  if (p === null || c === null) return 'Price not known';
  if (p === 0 && c === 0) return 'Free';
  return `${perM(p)} in · ${perM(c)} out per million tokens`;
}
