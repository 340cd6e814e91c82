import { formatMicros, percentDiff } from '../../../shared/billing/money';
import { costReasonText, shownCost, shownCostLabel, type CostFacts, type ShownCost } from '../../../shared/billing/shown-cost';
import type { TokenCounts } from '../../../shared/openrouter/generation';
import type { MessageCost } from '../../history/db/types';
import type { LedgerRow } from '../../history/db/ledger-types';
import { isRouterKind } from '../../../shared/providers/upstream-kinds';

// How a request's cost reads, the same on an answer, in the totals and on the Activity page. The figure always
// comes from the shared rule (shared/billing/shown-cost.ts): billed beats computed beats estimated.

/** What OpenRouter's /generation said about a request, from the ledger row. */
export interface Billing {
  billedMicros: number; // the whole bill
  mismatch: boolean;
  feeMicros?: number; // BYOK through OpenRouter
  providerMicros?: number;
  comparedMicros?: number; // the billed figure set against Parley's price
  causes?: string[];
}

export function billingOf(row: LedgerRow | undefined): Billing | null {
  if (!row || typeof row.billedCostMicros !== 'number') return null;
  const b: Billing = { billedMicros: row.billedCostMicros, mismatch: row.mismatch === true };
  if (typeof row.billedFeeMicros === 'number') b.feeMicros = row.billedFeeMicros;
  if (typeof row.billedProviderMicros === 'number') b.providerMicros = row.billedProviderMicros;
  if (typeof row.billedComparedMicros === 'number') b.comparedMicros = row.billedComparedMicros;
  if (row.reconcileCauses?.length) b.causes = row.reconcileCauses;
  return b;
}

/** An answer's cost facts: what its message row keeps, and the bill once reconciled. */
export function answerCostFacts(cost: MessageCost | null | undefined, tokens: TokenCounts | null | undefined, billing?: Billing | null): CostFacts {
  const facts: CostFacts = { ...(cost ?? {}), tokens: tokens ?? null };
  if (!cost) delete facts.costSource;
  if (billing) {
    facts.billedCostMicros = billing.billedMicros;
    if (billing.feeMicros !== undefined && billing.providerMicros !== undefined) {
      facts.billedFeeMicros = billing.feeMicros;
      facts.billedProviderMicros = billing.providerMicros;
    }
  }
  return facts;
}

/** "$0.0105 provider + $0.000525 OpenRouter fee", for BYOK through OpenRouter. */
export function partsText(s: ShownCost): string | null {
  if (!s.parts) return null;
  return `${formatMicros(s.parts.providerMicros)} provider + ${formatMicros(s.parts.feeMicros)} OpenRouter fee`;
}

/** The cost in one phrase, with the BYOK parts when there are any. */
export function costPhrase(s: ShownCost): string {
  const parts = partsText(s);
  return parts ? `${shownCostLabel(s)} (${parts})` : shownCostLabel(s);
}

export function costOf(facts: CostFacts): ShownCost {
  return shownCost(facts);
}

/** "Parley's price $0.000124 · OpenRouter billed $0.000155 (+25 %)": two different named figures. */
export function mismatchText(parleyMicros: number | undefined, comparedMicros: number | undefined, byok: boolean): string | null {
  if (parleyMicros === undefined || comparedMicros === undefined) return null;
  const pct = percentDiff(comparedMicros, parleyMicros);
  const billed = byok ? `the provider charged ${formatMicros(comparedMicros)} (per OpenRouter)` : `OpenRouter billed ${formatMicros(comparedMicros)}`;
  return `Parley's price ${formatMicros(parleyMicros)} · ${billed}${pct ? ` (${pct})` : ''}`;
}

/** The mismatch of a ledger row, spelled out with its likely cause, or null when there is none. */
export function rowMismatchText(r: LedgerRow): string | null {
  if (!r.mismatch) return null;
  const compared = r.billedComparedMicros ?? (r.isByok ? r.billedProviderMicros : r.billedCostMicros);
  const text = mismatchText(r.computedCostMicros, compared, r.isByok && isRouterKind(r.upstreamKind));
  if (!text) return null;
  return r.reconcileCauses?.length ? `${text}. Likely: ${r.reconcileCauses[0]}` : text;
}

const SOURCE_WORDS: Record<ShownCost['source'], string> = {
  billed: 'billed',
  computed: "Parley's price",
  estimated: 'estimated',
  none: 'no cost',
};

/** Where the figure comes from, in words, with the price list's date for computed ones. */
export function sourceSentence(s: ShownCost, opts: { reconciled: boolean; listDate?: string | undefined; upstreamReported?: boolean }): string {
  if (s.micros === undefined) return `Cost unknown: ${costReasonText(s.reason)}.`;
  if (s.reason === 'not-sent' || s.reason === 'failed') return `${costReasonText(s.reason)}: nothing to pay.`;
  const list = opts.listDate ? `the price list of ${opts.listDate}` : 'the price list';
  switch (s.source) {
    case 'billed':
      return opts.reconciled ? "Billed: OpenRouter's record of this request (/generation)." : 'Billed: reported by OpenRouter with the answer.';
    case 'computed':
      return `Parley's price: the reported tokens × ${list}.`;
    case 'estimated':
      return `Estimated: the provider reported no usage, so the tokens were counted from the text (about 4 characters a token) and priced from ${list}.`;
    default:
      return SOURCE_WORDS[s.source];
  }
}
