import type { GenerationRecord } from '../../../shared/openrouter/generation';
import type { GenerationReconciled } from '../../../shared/contract/account';
import { getParleyDb } from '../../history/db/database';
import { ensureAllMaterialized } from '../../history/db/staging/materialize';
import { getGeneration, queryGenerations } from '../../history/db/generations';
import { getSetting, setSetting } from '../../history/db/settings';
import type { LedgerQuery, LedgerRepo, LedgerRow, MessageLink } from '../../history/db/ledger-types';
import { applyPatch, keptFields, linkPatch, reconciledPatch, type RowPatch } from './row-patches';

// The ledger on Parley's history store (history/db): its `generations` table and its settings. Reads go through
// the store's own API; writes merge in a transaction, so re-ingesting a record keeps its link and billing (the
// store's recordGeneration would replace them). A link or billing result that arrives before its record is kept
// in memory until the record comes: main sends records first, so this only bridges reordering within a session.

/** Listeners hear about a burst of writes once, shortly after it ends: each one re-reads the ledger. */
const NOTIFY_DELAY_MS = 50;

export function createHistoryLedger(): LedgerRepo {
  const pending = new Map<string, RowPatch>();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const notify = () => {
    timer = null;
    for (const l of listeners) {
      try {
        l();
      } catch (err) {
        console.error('ledger listener failed:', (err as Error).message);
      }
    }
  };
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(notify, NOTIFY_DELAY_MS);
  };

  async function patchOrKeep(id: string, make: (current: RowPatch) => RowPatch): Promise<void> {
    const db = getParleyDb();
    await ensureAllMaterialized(db);
    await db.transaction('rw', db.generations, async () => {
      const row: LedgerRow | undefined = await db.generations.get(id);
      if (row) await db.generations.put(applyPatch(row, make(keptFields(row))));
      else {
        const base = pending.get(id) ?? {};
        pending.set(id, { ...base, ...make(base) });
      }
    });
    changed();
  }

  return {
    async ingest(record: GenerationRecord) {
      const db = getParleyDb();
      await ensureAllMaterialized(db);
      await db.transaction('rw', db.generations, async () => {
        const existing: LedgerRow | undefined = await db.generations.get(record.id);
        let row = applyPatch({ ...record } as LedgerRow, keptFields(existing));
        const early = pending.get(record.id);
        if (early) row = applyPatch(row, early);
        await db.generations.put(row);
      });
      pending.delete(record.id);
      changed();
    },
    applyReconciled: (r: GenerationReconciled, at = Date.now()) => patchOrKeep(r.generationId, (cur) => reconciledPatch(r, at, cur)),
    link: (generationId: string, to: MessageLink) => patchOrKeep(generationId, () => linkPatch(to)),
    get: (id) => getGeneration(id),
    list: (q: LedgerQuery = {}) => queryGenerations({ ...q, order: 'asc' }),
    getSetting: <T>(key: string) => getSetting<T>(key),
    async putSetting(key: string, value: unknown) {
      await setSetting(key, value);
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
