import Dexie, { type Table } from 'dexie';
import type { GenerationRecord } from '../../shared/openrouter/generation';
import type { GenerationReconciled } from '../../shared/contract/account';
import type { LedgerQuery, LedgerRepo, LedgerRow, MessageLink } from './types';
import { applyPatch, keptFields, linkPatch, reconciledPatch, type RowPatch } from './row-patches';

// Interim ledger storage until renderer/db exposes its generations table: IndexedDB 'parley-ledger'.
// `pending` holds links and reconciliation results that arrived before their record.

interface PendingRow {
  id: string;
  patch: RowPatch;
}

interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: number;
}

class LedgerDb extends Dexie {
  generations!: Table<LedgerRow, string>;
  pending!: Table<PendingRow, string>;
  settings!: Table<SettingRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      generations: 'id, createdAt, model, provider, upstreamId',
      pending: 'id',
      settings: 'key',
    });
  }
}

export const LEDGER_DB_NAME = 'parley-ledger';

export function createDexieLedger(name = LEDGER_DB_NAME): LedgerRepo & { close(): void } {
  const db = new LedgerDb(name);
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of listeners) {
      try {
        l();
      } catch (err) {
        console.error('ledger listener failed:', (err as Error).message);
      }
    }
  };

  /** Patches the row if it exists; otherwise keeps the patch for when the record arrives. */
  async function patchOrKeep(id: string, make: (current: RowPatch) => RowPatch): Promise<void> {
    await db.transaction('rw', db.generations, db.pending, async () => {
      const row = await db.generations.get(id);
      if (row) {
        await db.generations.put(applyPatch(row, make(keptFields(row))));
        return;
      }
      const pending = await db.pending.get(id);
      const base = pending?.patch ?? {};
      await db.pending.put({ id, patch: { ...base, ...make(base) } });
    });
    changed();
  }

  return {
    async ingest(record: GenerationRecord) {
      await db.transaction('rw', db.generations, db.pending, async () => {
        const existing = await db.generations.get(record.id);
        const pending = await db.pending.get(record.id);
        let row: LedgerRow = applyPatch({ ...record } as LedgerRow, keptFields(existing));
        if (pending) row = applyPatch(row, pending.patch);
        await db.generations.put(row);
        if (pending) await db.pending.delete(record.id);
      });
      changed();
    },
    applyReconciled: (r: GenerationReconciled, at = Date.now()) => patchOrKeep(r.generationId, (cur) => reconciledPatch(r, at, cur)),
    link: (generationId: string, to: MessageLink) => patchOrKeep(generationId, () => linkPatch(to)),
    get: (id) => db.generations.get(id),
    list: (q: LedgerQuery = {}) => {
      const lower = q.from ?? -Infinity;
      const upper = q.to ?? Infinity;
      return db.generations.where('createdAt').between(lower, upper, true, false).toArray();
    },
    async getSetting<T>(key: string) {
      return (await db.settings.get(key))?.value as T | undefined;
    },
    async putSetting(key: string, value: unknown) {
      await db.settings.put({ key, value, updatedAt: Date.now() });
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => db.close(),
  };
}
