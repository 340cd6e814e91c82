import Dexie, { type Table } from 'dexie';
import type { ChatRepo } from './repo';
import type { Conversation, MessageRow } from './types';

// Interim storage for the room until renderer/db lands: one row per message, indexed by [conversationId+seq],
// never a conversation's messages as one blob.

class RoomDb extends Dexie {
  conversations!: Table<Conversation, string>;
  messages!: Table<MessageRow, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      conversations: 'id, updatedAt',
      messages: 'id, [conversationId+seq], conversationId, status',
    });
  }
}

export function createDexieRepo(name = 'parley-room'): ChatRepo & { close(): void } {
  const db = new RoomDb(name);
  const range = (id: string) => db.messages.where('[conversationId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]);
  return {
    listConversations: () => db.conversations.orderBy('updatedAt').reverse().toArray(),
    getConversation: (id) => db.conversations.get(id),
    putConversation: async (c) => {
      await db.conversations.put(c);
    },
    deleteConversation: async (id) => {
      await db.transaction('rw', db.conversations, db.messages, async () => {
        await db.messages.where('conversationId').equals(id).delete();
        await db.conversations.delete(id);
      });
    },
    loadMessages: (id) => range(id).toArray(),
    loadLatestMessages: async (id, limit) => (await range(id).reverse().limit(limit).toArray()).reverse(),
    getMessage: (id) => db.messages.get(id),
    putMessages: async (rows) => {
      await db.messages.bulkPut(rows);
    },
    patchMessage: async (id, patch) => {
      await db.messages.update(id, patch);
    },
    deleteMessages: async (ids) => {
      await db.messages.bulkDelete(ids);
    },
    streamingMessages: () => db.messages.where('status').equals('streaming').toArray(),
    close: () => db.close(),
  };
}
