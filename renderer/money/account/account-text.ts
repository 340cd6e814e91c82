import { formatMicros } from '../../../shared/billing/money';
import { formatMoney } from '../../../shared/billing/money-brief';
import { formatMoment } from '../../../shared/format/dates';
import type { AccountSummary } from '../../../shared/contract/account';

// The words the header uses for the OpenRouter account. Figures are integer micro-dollars; null = not reported.

type Summary = AccountSummary;

const HEADLINES: Record<string, string> = {
  'invalid-key': 'Invalid OpenRouter key',
  'out-of-credits': 'Out of credits',
  'rate-limited': 'Slow down',
  forbidden: 'Key refused',
  network: 'OpenRouter unreachable',
  server: 'OpenRouter error',
  'not-found': 'Balance unavailable',
  'bad-response': 'Balance unavailable',
};

export function errorHeadline(kind: string): string {
  return HEADLINES[kind] ?? 'Balance unavailable';
}

// the hover card holds the exact figures behind the brief ones on the badge
const money = (m: number | null | undefined): string => (typeof m === 'number' && Number.isFinite(m) ? formatMicros(m) : 'not reported');

/** What can still be spent: the lower of the account balance and the key's remaining limit. */
export function spendableMicros(s: Summary): { micros: number; by: 'balance' | 'key-limit' } | null {
  const b = s.balance;
  if (!b || typeof b.balanceMicros !== 'number') return null;
  const keyLeft = b.key?.limitRemainingMicros;
  if (b.source === 'credits' && typeof keyLeft === 'number' && keyLeft < b.balanceMicros) return { micros: keyLeft, by: 'key-limit' };
  return { micros: b.balanceMicros, by: b.source === 'key' ? 'key-limit' : 'balance' };
}

export function balanceText(s: Summary): string {
  const b = s.balance;
  if (!b) return s.checkedAt ? 'Balance unknown' : 'Checking balance…';
  const left = spendableMicros(s);
  if (!left) return 'Balance unknown';
  if (b.source === 'key') return `${formatMoney(left.micros)} left on key`;
  return left.by === 'key-limit' ? `${formatMoney(left.micros)} left (key limit)` : formatMoney(left.micros);
}

/** Beside a key limit lower than the balance, the balance itself. */
export function balanceNote(s: Summary): string | null {
  const left = spendableMicros(s);
  const b = s.balance;
  if (!left || !b || b.source !== 'credits' || left.by !== 'key-limit') return null;
  return `of ${formatMoney(b.balanceMicros!)} balance`;
}

/** Lines for the hover card: key usage by period, BYOK usage, the key's own limit. */
export function usageLines(s: Summary): string[] {
  const b = s.balance;
  if (!b) return [];
  const lines: string[] = [];
  const left = spendableMicros(s);
  if (left) lines.push(`Exactly ${money(left.micros)} left${b.source === 'credits' && left.by === 'key-limit' ? ` of ${money(b.balanceMicros)} balance` : ''}`);
  if (b.source === 'credits') lines.push(`Credits bought ${money(b.totalCreditsMicros)}, used ${money(b.totalUsageMicros)}`);
  if (b.note) lines.push(b.note);
  const k = b.key;
  if (k) {
    lines.push(`Key usage today ${money(k.usageDailyMicros)} · this week ${money(k.usageWeeklyMicros)} · this month ${money(k.usageMonthlyMicros)} (UTC)`);
    if (k.byokUsageMicros !== null || k.byokUsageMonthlyMicros !== null) {
      lines.push(`BYOK usage today ${money(k.byokUsageDailyMicros)} · this week ${money(k.byokUsageWeeklyMicros)} · this month ${money(k.byokUsageMonthlyMicros)}`);
    }
    if (typeof k.limitMicros === 'number') {
      lines.push(`Key limit ${money(k.limitMicros)}${k.limitReset ? ` (resets ${k.limitReset})` : ''}, ${money(k.limitRemainingMicros)} remaining`);
    }
  }
  if (s.checkedAt) lines.push(`Checked ${formatMoment(s.checkedAt)}`);
  return lines;
}

// OpenRouter's limits on ":free" models (docs/openrouter-api.md §9.3), for when /key was not read.
const FREE_RPM = 20;
const FREE_RPD_NO_CREDITS = 50;
const FREE_RPD_WITH_CREDITS = 1000;
const FREE_CREDITS_THRESHOLD_MICROS = 10_000_000;

/** The key's own figures when main read /key; otherwise from the credits bought (≥ $10 → 1,000 a day). */
export function freeLimitsOf(s: Summary): { requestsPerMinute: number; requestsPerDay: number } | null {
  const b = s.balance;
  if (!b) return null;
  if (b.key) return b.key.freeModelLimits;
  if (typeof b.totalCreditsMicros !== 'number') return null;
  return { requestsPerMinute: FREE_RPM, requestsPerDay: b.totalCreditsMicros >= FREE_CREDITS_THRESHOLD_MICROS ? FREE_RPD_WITH_CREDITS : FREE_RPD_NO_CREDITS };
}

export function freeLimitsText(f: { requestsPerMinute: number; requestsPerDay: number }, usedToday: number): string {
  return `Free models: ${f.requestsPerMinute}/min, ${f.requestsPerDay.toLocaleString('en-US')}/day — ${usedToday} used today (UTC) from this device`;
}
