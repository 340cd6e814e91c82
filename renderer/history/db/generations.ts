import { getParleyDb } from './database';
import { ensureAllMaterialized } from './staging/materialize';
import type { GenerationRecord } from '../../../shared/openrouter/generation';
import type { GenerationRow } from './types';

// The usage ledger's storage: every generation's metadata (model, provider, tokens, cost, timings; never text),
// linked to the answer it produced. The money arithmetic on it (totals, reconciliation) lives in renderer/money:
// this file only stores and finds rows.

export async function recordGeneration(record: GenerationRecord, link: { conversationId?: string; messageId?: string } = {}): Promise<GenerationRow> {
  const row: GenerationRow = { ...record };
  if (link.conversationId) row.conversationId = link.conversationId;
  if (link.messageId) row.messageId = link.messageId;
  await getParleyDb().generations.put(row);
  return row;
}

type Waiter = { resolve: (row: GenerationRow | undefined) => void; reject: (err: unknown) => void };
let queued: Map<string, Waiter[]> | null = null;

/** One generation by id. Lookups asked for before the next microtask are read together in one transaction: a room
 * that opens asks for every visible answer's record in one commit, and a transaction each cost 10 ms there. */
export function getGeneration(id: string): Promise<GenerationRow | undefined> {
  return new Promise((resolve, reject) => {
    if (!queued) {
      queued = new Map();
      queueMicrotask(() => void readQueued());
    }
    const waiters = queued.get(id) ?? [];
    waiters.push({ resolve, reject });
    queued.set(id, waiters);
  });
}

async function readQueued() {
  const batch = queued!;
  queued = null;
  const ids = [...batch.keys()];
  try {
    const db = getParleyDb();
    await ensureAllMaterialized(db);
    const rows = await db.generations.bulkGet(ids);
    ids.forEach((id, i) => batch.get(id)!.forEach((w) => w.resolve(rows[i])));
  } catch (err) {
    for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
  }
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
