import { shownMicros } from '../../../shared/billing/shown-cost';
import type { LedgerRow } from '../../history/db/ledger-types';

// The Activity page's arithmetic: filters, totals and groupings over ledger rows. Days are local calendar days.
// A row's cost is its shown cost (rowCost); a row without one counts as "unpriced", never as zero.

export type SourceFilter = 'all' | 'app' | 'local-api';
export type GroupBy = 'day' | 'model' | 'provider' | 'key' | 'conversation';

export interface ActivityFilters {
  fromDay: string | null; // 'YYYY-MM-DD', inclusive
  toDay: string | null; // inclusive
  model: string | null;
  provider: string | null;
  key: string | null; // upstream id
  appKey: string | null; // local-API app key id
  source: SourceFilter;
}

export const NO_FILTERS: ActivityFilters = { fromDay: null, toDay: null, model: null, provider: null, key: null, appKey: null, source: 'all' };

export interface ActivityTotals {
  requests: number;
  tokensIn: number;
  tokensOut: number;
  costMicros: number;
  unpriced: number; // rows without any cost figure
  mismatches: number;
  errors: number;
}

export interface ActivityGroup {
  key: string;
  totals: ActivityTotals;
}

export const modelOf = (r: LedgerRow): string => r.model ?? r.requestedModel;
export const providerOf = (r: LedgerRow): string => r.provider ?? 'unknown';
export const keyOf = (r: LedgerRow): string => r.upstreamId ?? 'none';
/** The conversation an answer belongs to; other apps' requests (local API) and unlinked ones have their own. */
export const conversationOf = (r: LedgerRow): string => r.conversationId ?? (r.source === 'local-api' ? 'local-api' : 'none');

/** The row's shown cost by the one rule (shared/billing/shown-cost.ts: billed beats computed beats estimated;
 * requests that never reached a provider cost 0); undefined when unknown. Votes and other readers of the ledger
 * use this, not a field of their own choosing. */
export function rowCost(r: LedgerRow): number | undefined {
  return shownMicros(r);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight starting the day 'YYYY-MM-DD'; NaN when malformed. */
export function dayStart(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return Number.NaN;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/** The createdAt range [from, to) the day filters select. */
export function dayRange(f: Pick<ActivityFilters, 'fromDay' | 'toDay'>): { from?: number; to?: number } {
  const out: { from?: number; to?: number } = {};
  const from = f.fromDay ? dayStart(f.fromDay) : Number.NaN;
  const to = f.toDay ? dayStart(f.toDay) : Number.NaN;
  if (Number.isFinite(from)) out.from = from;
  if (Number.isFinite(to)) {
    const d = new Date(to);
    out.to = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  }
  return out;
}

export function filterRows(rows: readonly LedgerRow[], f: ActivityFilters): LedgerRow[] {
  const { from = -Infinity, to = Infinity } = dayRange(f);
  return rows.filter(
    (r) =>
      r.createdAt >= from &&
      r.createdAt < to &&
      (f.model === null || modelOf(r) === f.model) &&
      (f.provider === null || providerOf(r) === f.provider) &&
      (f.key === null || keyOf(r) === f.key) &&
      (f.appKey === null || r.appKeyId === f.appKey) &&
      (f.source === 'all' || r.source === f.source),
  );
}

export function emptyTotals(): ActivityTotals {
  return { requests: 0, tokensIn: 0, tokensOut: 0, costMicros: 0, unpriced: 0, mismatches: 0, errors: 0 };
}

function addRow(t: ActivityTotals, r: LedgerRow): void {
  t.requests += 1;
  t.tokensIn += r.tokens?.prompt ?? 0;
  t.tokensOut += r.tokens?.completion ?? 0;
  const c = rowCost(r);
  if (c === undefined) t.unpriced += 1;
  else t.costMicros += c;
  if (r.mismatch) t.mismatches += 1;
  if (r.error) t.errors += 1;
}

export function totalsOf(rows: readonly LedgerRow[]): ActivityTotals {
  const t = emptyTotals();
  for (const r of rows) addRow(t, r);
  return t;
}

const KEY_OF: Record<GroupBy, (r: LedgerRow) => string> = {
  day: (r) => dayKey(r.createdAt),
  model: modelOf,
  provider: providerOf,
  key: keyOf,
  conversation: conversationOf,
};

/** Days newest first; models, providers and keys by cost, then requests, then name. */
export function groupRows(rows: readonly LedgerRow[], by: GroupBy): ActivityGroup[] {
  const groups = new Map<string, ActivityTotals>();
  for (const r of rows) {
    const k = KEY_OF[by](r);
    let t = groups.get(k);
    if (!t) groups.set(k, (t = emptyTotals()));
    addRow(t, r);
  }
  const list = [...groups].map(([key, totals]) => ({ key, totals }));
  if (by === 'day') return list.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  return list.sort((a, b) => b.totals.costMicros - a.totals.costMicros || b.totals.requests - a.totals.requests || a.key.localeCompare(b.key));
}

export interface DailySeries {
  days: string[]; // every day from the first to the last, gaps included
  dayStarts: number[]; // ms epoch of each day's local midnight
  costMicros: number[];
  requests: number[];
  tokensIn: number[];
  tokensOut: number[];
}

const MAX_SERIES_DAYS = 731;

/** One point per local day between the first and last row (or the given range), zero on quiet days. */
export function dailySeries(rows: readonly LedgerRow[], range: { from?: number; to?: number } = {}): DailySeries {
  const out: DailySeries = { days: [], dayStarts: [], costMicros: [], requests: [], tokensIn: [], tokensOut: [] };
  if (rows.length === 0 && (range.from === undefined || range.to === undefined)) return out;
  const times = rows.map((r) => r.createdAt);
  const first = range.from ?? Math.min(...times);
  const last = range.to !== undefined ? range.to - 1 : Math.max(...times);
  const byDay = new Map(groupRows(rows, 'day').map((g) => [g.key, g.totals]));
  const d0 = new Date(first);
  for (let i = 0; i < MAX_SERIES_DAYS; i++) {
    const start = new Date(d0.getFullYear(), d0.getMonth(), d0.getDate() + i).getTime();
    if (start > last) break;
    const key = dayKey(start);
    const t = byDay.get(key) ?? emptyTotals();
    out.days.push(key);
    out.dayStarts.push(start);
    out.costMicros.push(t.costMicros);
    out.requests.push(t.requests);
    out.tokensIn.push(t.tokensIn);
    out.tokensOut.push(t.tokensOut);
  }
  return out;
}

/** Distinct values for the filter menus, sorted. */
export function filterOptions(rows: readonly LedgerRow[]): { models: string[]; providers: string[]; keys: string[]; appKeys: string[] } {
  const models = new Set<string>();
  const providers = new Set<string>();
  const keys = new Set<string>();
  const appKeys = new Set<string>();
  for (const r of rows) {
    models.add(modelOf(r));
    providers.add(providerOf(r));
    keys.add(keyOf(r));
    if (r.appKeyId) appKeys.add(r.appKeyId);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { models: sorted(models), providers: sorted(providers), keys: sorted(keys), appKeys: sorted(appKeys) };
}
