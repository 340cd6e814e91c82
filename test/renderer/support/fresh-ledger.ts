import Dexie from 'dexie';
import { closeParleyDb, DEFAULT_DB_NAME } from '../../../renderer/history/db/database';
import { createHistoryLedger } from '../../../renderer/common/ledger/history-ledger';
import { setLedger } from '../../../renderer/common/ledger';
import type { LedgerRepo } from '../../../renderer/history/db/ledger-types';

/** A ledger on an emptied history database (the store reopens it on next use), installed as the app's ledger. */
export async function freshLedger(): Promise<{ repo: LedgerRepo; close(): void }> {
  closeParleyDb();
  await Dexie.delete(DEFAULT_DB_NAME);
  const repo = createHistoryLedger();
  setLedger(repo);
  return { repo, close: closeParleyDb };
}
