import { formatMicros } from '../../../shared/billing/money';
import { shownCost } from '../../../shared/billing/shown-cost';
import type { TokenCounts } from '../../../shared/openrouter/generation';
import type { MessageRow } from '../../history/db/types';
import { answerCostFacts, costPhrase, type Billing } from '../../common/money/cost-text';

// How numbers about an answer read. Money is written by shared/billing/money.ts and chosen by the shared rule
// (billed beats computed beats estimated); when unknown there is no number, only why.

const int = new Intl.NumberFormat('en-US');

/** The cost of one stored answer as shown on it. */
export function costLabel(row: Pick<MessageRow, 'cost' | 'tokens'>, billing?: Billing | null): string {
  return costPhrase(shownCost(answerCostFacts(row.cost, row.tokens, billing)));
}

export function tokensLabel(t: TokenCounts | null | undefined): string | null {
  if (!t) return null;
  const inPart = `${int.format(t.prompt)} in${t.cacheRead ? ` (${int.format(t.cacheRead)} cached)` : ''}`;
  const outPart = `${int.format(t.completion)} out${t.reasoning ? ` (${int.format(t.reasoning)} reasoning)` : ''}`;
  return `${inPart} · ${outPart}${t.estimated ? ' ~est.' : ''}`;
}

export function msLabel(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return null;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function tpsLabel(tps: number | null | undefined): string | null {
  if (tps === null || tps === undefined || !Number.isFinite(tps)) return null;
  return `${tps.toFixed(1)} tok/s`;
}

export interface Totals {
  costMicros: number;
  unknownCost: number;
  belowMicro: boolean; // some nonzero cost rounded to 0 µ$: a zero total is then "< $0.000001"
  tokensIn: number;
  tokensOut: number;
  answers: number;
  /** what prompt caching saved on these answers (cache reads and writes at their own rates), when any */
  cacheSavedMicros?: number;
}

/** Totals over finished answers (every sibling counts: each one was paid for), each at its shown cost — the
 * bill once reconciled (`billing` by generation id). Requests that never reached a provider add $0. */
export function sumTotals(rows: MessageRow[], billing?: ReadonlyMap<string, Billing>): Totals {
  const t: Totals = { costMicros: 0, unknownCost: 0, belowMicro: false, tokensIn: 0, tokensOut: 0, answers: 0 };
  for (const r of rows) {
    if (r.role !== 'assistant' || r.status === 'streaming' || (!r.cost && !r.tokens)) continue;
    t.answers++;
    const s = shownCost(answerCostFacts(r.cost, r.tokens, r.generationId ? billing?.get(r.generationId) : null));
    if (s.micros === undefined) t.unknownCost++;
    else t.costMicros += s.micros;
    if (s.belowMicro) t.belowMicro = true;
    t.tokensIn += r.tokens?.prompt ?? 0;
    t.tokensOut += r.tokens?.completion ?? 0;
    if (r.cost?.cacheSavingsMicros) t.cacheSavedMicros = (t.cacheSavedMicros ?? 0) + r.cost.cacheSavingsMicros;
  }
  return t;
}

/** The totals in the pieces a column header lays out: the cost, which a tight header keeps whole, then the tokens in,
 * the tokens out and what the cache saved (`rest` is the three together). */
export function totalsParts(t: Totals): { cost: string; tokensIn: string; tokensOut: string; saved: string; rest: string } {
  const cost = `${formatMicros(t.costMicros, { belowMicro: t.belowMicro })}${t.unknownCost ? ` + ${t.unknownCost} unknown` : ''}`;
  const saved = t.cacheSavedMicros ? ` · cache saved ${formatMicros(t.cacheSavedMicros)}` : '';
  const tokensIn = ` · ${int.format(t.tokensIn)} in`;
  const tokensOut = ` · ${int.format(t.tokensOut)} out`;
  return { cost, tokensIn, tokensOut, saved, rest: tokensIn + tokensOut + saved };
}

export function totalsLabel(t: Totals): string {
  const { cost, rest } = totalsParts(t);
  return cost + rest;
}
