import type { AttemptRecord, TokenCounts } from '../../../shared/openrouter/generation';
import type { MessageCost, MessageRow } from '../../history/db/types';

/** What the stats line shows about one answer: its stored row, plus the generation record when known. */
export interface AnswerFacts {
  cost: MessageCost | null;
  tokens: TokenCounts | null;
  isByok?: boolean;
  attempts?: AttemptRecord[];
}

// How numbers about an answer read. Cost is integer micro-dollars; when unknown there is no number, only why.

const int = new Intl.NumberFormat('en-US');

export function formatMicros(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(Math.round(micros));
  const whole = Math.floor(abs / 1_000_000);
  const frac = String(abs % 1_000_000).padStart(6, '0');
  return `${sign}$${int.format(whole)}.${frac}`;
}

const REASONS: Record<string, string> = {
  free: 'free model',
  'no-pricing': 'no pricing known for this model',
  'no-usage': 'the provider reported no token usage',
  partial: 'pricing covers only part of the usage',
  interrupted: 'Parley stopped before the request finished',
};

export function costReasonText(reason: string | undefined): string {
  return (reason && REASONS[reason]) ?? reason ?? 'not reported';
}

export function costLabel(c: MessageCost | null | undefined): string {
  if (!c) return 'cost unknown: no usage was reported';
  if (typeof c.costMicros === 'number') return formatMicros(c.costMicros);
  return `cost unknown: ${costReasonText(c.costReason)}`;
}

export function costBreakdown(f: AnswerFacts): string {
  const r = f.cost;
  if (!r) return 'No usage or cost was reported for this answer.';
  const lines: string[] = [];
  lines.push(typeof r.costMicros === 'number' ? `Cost: ${formatMicros(r.costMicros)} (${r.costSource === 'upstream' ? 'reported by the provider' : r.costSource === 'computed' ? 'computed from catalog prices' : 'no source'})` : `Cost unknown: ${costReasonText(r.costReason)}`);
  if (r.costReason && typeof r.costMicros === 'number') lines.push(`Note: ${costReasonText(r.costReason)}`);
  if (typeof r.reportedCostMicros === 'number') lines.push(`Reported by upstream: ${formatMicros(r.reportedCostMicros)}`);
  if (typeof r.computedCostMicros === 'number') lines.push(`Computed from pricing: ${formatMicros(r.computedCostMicros)}`);
  const t = f.tokens;
  if (t) {
    lines.push(`Input tokens: ${int.format(t.prompt)} (cache read ${int.format(t.cacheRead)}, cache write ${int.format(t.cacheWrite)})`);
    lines.push(`Output tokens: ${int.format(t.completion)} (reasoning ${int.format(t.reasoning)})${t.estimated ? ' — estimated' : ''}`);
  }
  if (f.isByok) lines.push('Billed to your own provider key (BYOK)');
  if (f.attempts && f.attempts.length > 1) lines.push(`Attempts: ${f.attempts.map((a) => `${a.provider} ${a.status ?? a.errorType ?? '?'}`).join(' → ')}`);
  return lines.join('\n');
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
  tokensIn: number;
  tokensOut: number;
  answers: number;
}

/** Totals over finished answers (every sibling counts: each one was paid for). */
export function sumTotals(rows: MessageRow[]): Totals {
  const t: Totals = { costMicros: 0, unknownCost: 0, tokensIn: 0, tokensOut: 0, answers: 0 };
  for (const r of rows) {
    if (r.role !== 'assistant' || r.status === 'streaming' || (!r.cost && !r.tokens)) continue;
    t.answers++;
    if (typeof r.cost?.costMicros === 'number') t.costMicros += r.cost.costMicros;
    else t.unknownCost++;
    t.tokensIn += r.tokens?.prompt ?? 0;
    t.tokensOut += r.tokens?.completion ?? 0;
  }
  return t;
}

export function totalsLabel(t: Totals): string {
  const cost = `${formatMicros(t.costMicros)}${t.unknownCost ? ` + ${t.unknownCost} unknown` : ''}`;
  return `${cost} · ${int.format(t.tokensIn)} in · ${int.format(t.tokensOut)} out`;
}
