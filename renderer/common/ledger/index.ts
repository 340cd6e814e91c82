import { bridge } from '../../bridge';
import { createHistoryLedger } from './history-ledger';
import { startLedgerSync, type LedgerSync } from './ledger-sync';
import type { LedgerRepo } from '../../history/db/ledger-types';

export type { LedgerRepo, LedgerRow, LedgerQuery, MessageLink } from '../../history/db/ledger-types';

let repo: LedgerRepo | null = null;
let sync: LedgerSync | null = null;

/** The ledger the app uses: the history store's generations table and settings (history/db). */
export function ledger(): LedgerRepo {
  return (repo ??= createHistoryLedger());
}

export function setLedger(next: LedgerRepo): void {
  sync?.stop();
  sync = null;
  repo = next;
}

/** Starts listening to main once per page; later calls return the same listener. */
export function startLedger(): LedgerSync {
  return (sync ??= startLedgerSync(bridge(), ledger()));
}

export function stopLedger(): void {
  sync?.stop();
  sync = null;
}
