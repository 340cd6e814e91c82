import { microsToField, parseUsdField } from '../../../money/money-inputs';

// The three limits an app key may have, as text fields: '' = no limit (docs/openrouter-api.md §12.2).

export interface LimitFields {
  limit: string;
  daily: string;
  monthly: string;
}

export interface LimitMicros {
  limitMicros: number | null;
  dailyMicros: number | null;
  monthlyMicros: number | null;
}

export const fieldsOf = (k: Partial<LimitMicros>): LimitFields => ({
  limit: microsToField(k.limitMicros),
  daily: microsToField(k.dailyMicros),
  monthly: microsToField(k.monthlyMicros),
});

/** The limits in micro-dollars, or a message saying what is wrong. A zero limit means "none". */
export function limitsOf(f: LimitFields): LimitMicros | string {
  const parsed = [parseUsdField(f.limit), parseUsdField(f.daily), parseUsdField(f.monthly)];
  if (parsed.some((p) => !p.ok)) return 'Limits must be dollar amounts (leave empty for no limit).';
  const [limit, daily, monthly] = parsed.map((p) => (p.ok && p.micros ? p.micros : null));
  return { limitMicros: limit ?? null, dailyMicros: daily ?? null, monthlyMicros: monthly ?? null };
}
