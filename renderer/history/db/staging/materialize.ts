import type { ParleyDb } from '../database';
import { packContent } from './types';
import { errorName, isQuotaError } from '../errors';
import { QUOTA_ADVICE, reportStorageProblem } from '../events';

const RETRY_MS = 5000;

// Expands import packs (see types.ts) into ordinary rows. Every read of a conversation calls
// ensureConversationMaterialized first, so callers never see a half-imported conversation.

const pendingByDb = new WeakMap<ParleyDb, boolean>();

export function markPacksPending(db: ParleyDb): void {
  pendingByDb.set(db, true);
}

export async function hasPendingPacks(db: ParleyDb): Promise<boolean> {
  const known = pendingByDb.get(db);
  if (known === false) return false;
  const pending = (await db.importPackIndex.count()) > 0;
  pendingByDb.set(db, pending);
  return pending;
}

/** Moves one pack's messages and ledger rows into their tables, in one transaction. Returns false if gone. */
export async function materializePack(db: ParleyDb, packId: string): Promise<boolean> {
  return db.transaction('rw', [db.importPacks, db.importPackIndex, db.messages, db.generations], async () => {
    const pack = await db.importPacks.get(packId);
    if (!pack) {
      await db.importPackIndex.delete(packId);
      return false;
    }
    const { messages, generations } = packContent(pack);
    await db.messages.bulkPut(messages);
    if (generations.length) await db.generations.bulkPut(generations);
    await db.importPacks.delete(packId);
    await db.importPackIndex.delete(packId);
    return true;
  });
}

export async function ensureConversationMaterialized(db: ParleyDb, conversationId: string): Promise<void> {
  if (!(await hasPendingPacks(db))) return;
  const ids = await db.importPackIndex.where('conversationId').equals(conversationId).primaryKeys();
  for (const id of ids) await materializePack(db, id);
}

export async function ensureAllMaterialized(db: ParleyDb): Promise<void> {
  if (!(await hasPendingPacks(db))) return;
  for (const id of await db.importPackIndex.toCollection().primaryKeys()) await materializePack(db, id);
  pendingByDb.set(db, (await db.importPackIndex.count()) > 0);
}

/** Expands the packs holding these search document numbers (search hits on a just-imported conversation). */
export async function materializeDocNumbers(db: ParleyDb, dns: number[]): Promise<boolean> {
  if (!(await hasPendingPacks(db))) return false;
  const packIds = new Set<string>();
  for (const dn of dns) {
    const row = await db.importPackIndex.where('dnMin').belowOrEqual(dn).last();
    if (row && row.dnMax >= dn) packIds.add(row.id);
  }
  for (const id of packIds) await materializePack(db, id);
  return packIds.size > 0;
}

/**
 * Expands pending packs one at a time in the background, pausing between packs so the UI stays responsive.
 * Returns a stop function. Safe to run alongside on-demand expansion (each pack moves in its own transaction).
 */
export function startBackgroundMaterializer(db: ParleyDb, opts: { pauseMs?: number; onIdle?: () => void } = {}): () => void {
  const pauseMs = opts.pauseMs ?? 50;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = async () => {
    if (stopped) return;
    let delay = pauseMs;
    try {
      const next = await db.importPackIndex.toCollection().first();
      if (!next) {
        pendingByDb.set(db, false);
        opts.onIdle?.();
        return;
      }
      await materializePack(db, next.id);
    } catch (err) {
      // the pack stays (it is the authoritative copy until expanded); try again later
      delay = RETRY_MS;
      console.error('background import expansion failed; will retry', errorName(err));
      if (isQuotaError(err)) {
        reportStorageProblem({ type: 'quota-exceeded', operation: 'expand imported conversations', unsavedChars: 0, retryInMs: RETRY_MS, advice: QUOTA_ADVICE });
      }
    }
    if (!stopped) timer = setTimeout(step, delay);
  };
  timer = setTimeout(step, 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
