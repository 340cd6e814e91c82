import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

// Live sync between windows and tabs of the same profile. A Dexie middleware notes which conversations and
// messages each write transaction touched and, once it commits, announces them on a BroadcastChannel named after
// the database; the other windows re-read just those rows (history-sync.ts). A window never hears its own
// announcements: a BroadcastChannel does not deliver to the object that posted.

export interface HistoryChange {
  /** conversation rows written or deleted */
  conversations: string[];
  /** message rows written, with their conversation */
  messages: { id: string; conversationId: string }[];
  /** message rows deleted (their conversation is no longer known) */
  deletedMessages: string[];
  /** a write too broad to list (a range delete, a bulk import): re-read everything shown */
  everything: boolean;
}

const emptyChange = (): HistoryChange => ({ conversations: [], messages: [], deletedMessages: [], everything: false });
const isEmpty = (c: HistoryChange) => !c.everything && !c.conversations.length && !c.messages.length && !c.deletedMessages.length;

type Listener = (change: HistoryChange) => void;

export interface ChangeFeed {
  middleware: Middleware<DBCore>;
  /** Listens to other windows' committed writes; returns the unsubscribe function. */
  onRemoteChange(listener: Listener): () => void;
  close(): void;
}

function note(change: HistoryChange, table: string, req: DBCoreMutateRequest) {
  if (table !== 'conversations' && table !== 'messages') return;
  if (req.type === 'deleteRange') {
    change.everything = true;
    return;
  }
  if (req.type === 'delete') {
    if (req.criteria && req.keys.length === 0) change.everything = true; // a delete by query
    if (table === 'conversations') change.conversations.push(...req.keys.map(String));
    else change.deletedMessages.push(...req.keys.map(String));
    return;
  }
  const values = req.values as readonly { id?: unknown; conversationId?: unknown }[];
  if (values.length === 0 && req.keys?.length) {
    change.everything = true; // an update by key alone: no way to tell which conversation
    return;
  }
  for (const v of values) {
    if (typeof v?.id !== 'string') continue;
    if (table === 'conversations') change.conversations.push(v.id);
    else if (typeof v.conversationId === 'string') change.messages.push({ id: v.id, conversationId: v.conversationId });
  }
}

export function createChangeFeed(dbName: string): ChangeFeed {
  const listeners = new Set<Listener>();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`parley-history:${dbName}`);
  (channel as unknown as { unref?: () => void } | null)?.unref?.(); // Node (tests): do not keep the process alive
  if (channel) {
    channel.onmessage = (ev: MessageEvent<HistoryChange>) => {
      if (!ev.data) return;
      for (const l of listeners) {
        try {
          l(ev.data);
        } catch (err) {
          console.error('history sync listener failed', err);
        }
      }
    };
  }
  const pending = new WeakMap<object, HistoryChange>();

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'parley-change-feed',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        const trans = down.transaction(stores, mode, options);
        if (mode === 'readwrite' && channel && (stores.includes('conversations') || stores.includes('messages'))) {
          const change = emptyChange();
          pending.set(trans, change);
          const idb = trans as unknown as EventTarget;
          idb.addEventListener?.('complete', () => {
            if (!isEmpty(change)) channel.postMessage(change);
          });
        }
        return trans;
      },
      table(name): DBCoreTable {
        const table = down.table(name);
        return {
          ...table,
          mutate(req) {
            const change = pending.get(req.trans);
            if (change) note(change, name, req);
            return table.mutate(req);
          },
        };
      },
    }),
  };

  return {
    middleware,
    onRemoteChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
    },
  };
}
