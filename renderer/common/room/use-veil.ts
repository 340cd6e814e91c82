import { useEffect, useState, useSyncExternalStore } from 'react';
import Dexie, { liveQuery } from 'dexie';
import { getParleyDb, type ParleyDb } from '../../history/db/database';
import { mergeVeils, NO_VEIL, veilOf, type Veil } from './blind-veil';
import { liveAnswers } from './live-answers';

// The veil (blind-veil.ts) read from the history store, for views outside a room: only blind conversations can
// hold veiled answers, so only their messages are read.

/** The veiled answers of every blind conversation (or of the given ones). */
export async function loadVeil(db: ParleyDb = getParleyDb(), conversationIds?: readonly string[]): Promise<Veil> {
  const convs = conversationIds
    ? (await db.conversations.bulkGet([...conversationIds])).filter((c) => c !== undefined)
    : await db.conversations.filter((c) => c.blind === true).toArray();
  const veils: Veil[] = [];
  for (const conv of convs) {
    if (!conv.blind || conv.deletedAt !== undefined) continue;
    const rows = await db.messages.where('[conversationId+seq]').between([conv.id, Dexie.minKey], [conv.id, Dexie.maxKey]).toArray();
    veils.push(veilOf(conv, rows));
  }
  return mergeVeils(veils);
}

/** The veil of every blind conversation, kept current as messages, votes and rooms change. */
export function useVeil(): Veil {
  const [veil, setVeil] = useState<Veil>(NO_VEIL);
  useEffect(() => {
    const sub = liveQuery(() => loadVeil()).subscribe({
      next: (v) => setVeil(v),
      error: (err: Error) => console.error('could not read which answers are blind:', err.message),
    });
    return () => sub.unsubscribe();
  }, []);
  return veil;
}

let cachedVersion = -1;
let cachedIds: readonly string[] = [];
function streamingIds(): readonly string[] {
  if (cachedVersion !== liveAnswers.version()) {
    cachedVersion = liveAnswers.version();
    cachedIds = liveAnswers
      .all()
      .filter((e) => e.status === 'streaming')
      .map((e) => e.messageId);
  }
  return cachedIds;
}

/** Message ids of every answer streaming now, in any conversation. */
export function useAllStreamingIds(): readonly string[] {
  return useSyncExternalStore(liveAnswers.subscribeSet, streamingIds);
}
