import { type ParleyDb } from './database';
import { purgeDeletedConversations } from './deletion';
import { openParleyDb, type OpenOptions } from './open';
import { recoverInterrupted } from './recovery';
import { startBackgroundMaterializer, hasPendingPacks } from './staging/materialize';
import { requestPersistentStorage } from './browser-storage';
import type { MessageRow } from './types';

// What the renderer calls once at start: open (with a pre-upgrade snapshot), mark answers a crash left
// 'streaming' as interrupted, finish purges a closed app left pending, ask for persistent storage, and resume
// expanding a large import.

export interface HistoryStart {
  db: ParleyDb;
  recovered: MessageRow[];
  purgedConversations: number;
  persisted: boolean;
  stop(): void;
}

export async function startHistory(opts: OpenOptions = {}): Promise<HistoryStart> {
  const db = await openParleyDb(opts);
  const recovered = await recoverInterrupted();
  const purgedConversations = await purgeDeletedConversations();
  const persisted = await requestPersistentStorage();
  let stop = () => {};
  if (await hasPendingPacks(db)) stop = startBackgroundMaterializer(db);
  return { db, recovered, purgedConversations, persisted, stop: () => stop() };
}
