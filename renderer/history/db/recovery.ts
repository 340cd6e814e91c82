import { isStreamingHere } from './checkpointer';
import { getParleyDb } from './database';
import { indexMessage } from './messages';
import type { MessageRow } from './types';

// After a crash or reload, answers left in 'streaming' state have no stream behind them any more. They become
// 'interrupted' with the text saved by the last checkpoint kept (never blanked), and are indexed for search.

export const INTERRUPTED_MESSAGE = 'Parley closed before this answer finished; the text saved so far is kept.';

export async function recoverInterrupted(now = Date.now()): Promise<MessageRow[]> {
  const db = getParleyDb();
  const stale = (await db.messages.where('streaming').equals(1).primaryKeys()).filter((id) => !isStreamingHere(id));
  const recovered: MessageRow[] = [];
  for (const id of stale) {
    const row = await db.transaction('rw', [db.messages, db.searchPostings, db.meta], async () => {
      const m = await db.messages.get(id);
      if (!m || m.status !== 'streaming') return null;
      const next: MessageRow = { ...m, status: 'interrupted', updatedAt: now };
      delete next.streaming;
      if (!next.error) next.error = { message: INTERRUPTED_MESSAGE };
      await indexMessage(db, next);
      await db.messages.put(next);
      return next;
    });
    if (row) recovered.push(row);
  }
  return recovered;
}
