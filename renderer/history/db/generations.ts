import { getParleyDb } from './database';
import { NotFoundError } from './errors';
import { ensureAllMaterialized } from './staging/materialize';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import type { GenerationRow } from './types';

// The usage ledger: every generation's metadata (model, provider, tokens, cost, timings; never text), linked to
// the answer it produced. Spend views aggregate from here.

export async function recordGeneration(record: GenerationRecord, link: { conversationId?: string; messageId?: string } = {}): Promise<GenerationRow> {
  const row: GenerationRow = { ...record };
  if (link.conversationId) row.conversationId = link.conversationId;
  if (link.messageId) row.messageId = link.messageId;
  await getParleyDb().generations.put(row);
  return row;
}

export async function getGeneration(id: string): Promise<GenerationRow | undefined> {
  const db = getParleyDb();
  await ensureAllMaterialized(db);
  return db.generations.get(id);
}

/** The ledger rows of these generation ids (absent ones left out), and those linked to these answers. */
export async function generationsFor(ids: { generationIds: string[]; messageIds: string[] }): Promise<GenerationRow[]> {
  const db = getParleyDb();
  await ensureAllMaterialized(db);
  const byId = (await db.generations.bulkGet(ids.generationIds)).filter((g): g is GenerationRow => g !== undefined);
  const linked = ids.messageIds.length ? await db.generations.where('messageId').anyOf(ids.messageIds).toArray() : [];
  return [...byId, ...linked];
}

export interface LedgerQuery {
  from?: number; // createdAt >= from (ms)
  to?: number; // createdAt < to
  model?: string;
  provider?: string;
  conversationId?: string;
  limit?: number;
  /** newest first (default) or oldest first */
  order?: 'desc' | 'asc';
}

export async function queryGenerations(q: LedgerQuery = {}): Promise<GenerationRow[]> {
  const db = getParleyDb();
  await ensureAllMaterialized(db);
  const inRange = (g: GenerationRow) => (q.from === undefined || g.createdAt >= q.from) && (q.to === undefined || g.createdAt < q.to);
  let coll;
  if (q.conversationId) coll = db.generations.where('conversationId').equals(q.conversationId);
  else if (q.model) coll = db.generations.where('model').equals(q.model);
  else if (q.provider) coll = db.generations.where('provider').equals(q.provider);
  else coll = db.generations.where('createdAt').between(q.from ?? -Infinity, q.to ?? Infinity, true, false);
  const rows = (await coll.toArray()).filter(
    (g) => inRange(g) && (!q.model || g.model === q.model) && (!q.provider || g.provider === q.provider),
  );
  rows.sort((a, b) => (q.order === 'asc' ? a.createdAt - b.createdAt : b.createdAt - a.createdAt));
  return q.limit !== undefined ? rows.slice(0, q.limit) : rows;
}

export interface UsageTotal {
  key: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  costMicros: number; // sum of known costs
  unknownCost: number; // generations without a cost figure
}

/** Totals by day (local date YYYY-MM-DD), model or provider over a time range. */
export async function usageTotals(by: 'day' | 'model' | 'provider', q: Omit<LedgerQuery, 'limit' | 'order'> = {}): Promise<UsageTotal[]> {
  const rows = await queryGenerations(q);
  const totals = new Map<string, UsageTotal>();
  for (const g of rows) {
    const key = by === 'day' ? localDay(g.createdAt) : by === 'model' ? (g.model ?? g.requestedModel) : (g.provider ?? 'unknown');
    let t = totals.get(key);
    if (!t) totals.set(key, (t = { key, requests: 0, promptTokens: 0, completionTokens: 0, costMicros: 0, unknownCost: 0 }));
    t.requests++;
    t.promptTokens += g.tokens?.prompt ?? 0;
    t.completionTokens += g.tokens?.completion ?? 0;
    if (g.costMicros !== undefined) t.costMicros += g.costMicros;
    else t.unknownCost++;
  }
  return [...totals.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Records what the provider actually billed (e.g. from OpenRouter's /generation endpoint). `mismatch` is set
 * when it differs from the cost Parley showed by more than `toleranceMicros` (default 1 µ$ or 1 %).
 */
export async function reconcileGeneration(id: string, billedCostMicros: number, opts: { now?: number; toleranceMicros?: number } = {}): Promise<GenerationRow> {
  const db = getParleyDb();
  await ensureAllMaterialized(db);
  return db.transaction('rw', db.generations, async () => {
    const row = await db.generations.get(id);
    if (!row) throw new NotFoundError(`generation ${id} not found`);
    const shown = row.costMicros;
    const tolerance = opts.toleranceMicros ?? Math.max(1, Math.round(Math.abs(billedCostMicros) * 0.01));
    const next: GenerationRow = {
      ...row,
      billedCostMicros: Math.round(billedCostMicros),
      reconciledAt: opts.now ?? Date.now(),
      mismatch: shown === undefined || Math.abs(shown - billedCostMicros) > tolerance,
    };
    await db.generations.put(next);
    return next;
  });
}
