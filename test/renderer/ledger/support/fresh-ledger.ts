import { ParleyDb, useParleyDb, closeParleyDb } from '../../../../renderer/db/database';
import { createHistoryLedger } from '../../../../renderer/ledger/history-ledger';
import { setLedger } from '../../../../renderer/ledger';
import type { LedgerRepo } from '../../../../renderer/ledger/types';

let counter = 0;

/** A ledger on a fresh, uniquely named history database, installed as the app's ledger. */
export function freshLedger(): { repo: LedgerRepo; close(): void } {
  closeParleyDb();
  useParleyDb(new ParleyDb(`parley-money-test-${process.pid}-${++counter}`));
  const repo = createHistoryLedger();
  setLedger(repo);
  return { repo, close: closeParleyDb };
}
