import { bridge } from '../bridge';
import { createDexieLedger } from './dexie-ledger';
import { startLedgerSync, type LedgerSync } from './ledger-sync';
import type { LedgerRepo } from './types';

export type { LedgerRepo, LedgerRow, LedgerQuery, MessageLink } from './types';

let repo: LedgerRepo | null = null;
let sync: LedgerSync | null = null;

/** The ledger the app uses (IndexedDB 'parley-ledger' unless a test or renderer/db put another in place). */
export function ledger(): LedgerRepo {
  return (repo ??= createDexieLedger());
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
