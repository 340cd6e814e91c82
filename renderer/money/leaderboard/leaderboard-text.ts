import { fmtInt } from '../activity/activity-text';
import { formatMoney } from '../../../shared/billing/money-brief';
import type { ModelFigures, Outcome } from '../../common/leaderboard/figures';

export const ratingText = (r: ModelFigures['rating']): string => (r ? String(Math.round(r.rating)) : '—');
export const intervalText = (r: ModelFigures['rating']): string => (r ? `${Math.round(r.low)}–${Math.round(r.high)}` : '');

/** A cost figure, or why there is none; "+ n unpriced" when some answers had no price. */
export function costFigure(micros: number | null, unpriced: number, none: string): string {
  const base = micros === null ? none : formatMoney(micros);
  return unpriced ? `${base} (+${fmtInt(unpriced)} unpriced)` : base;
}

export function msText(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export const tpsText = (tps: number | null): string => (tps === null ? '—' : `${tps.toFixed(1)} tok/s`);

export const OUTCOME_TEXT: Record<Outcome, string> = { win: 'won', loss: 'lost', tie: 'tie', 'all-bad': 'all bad' };
