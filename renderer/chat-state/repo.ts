import type { Conversation, MessageRow } from './types';

/** What the room needs from storage. Implemented over Dexie (see dexie-repo.ts); tests may use any IndexedDB. */
export interface ChatRepo {
  listConversations(): Promise<Conversation[]>; // most recently updated first
  getConversation(id: string): Promise<Conversation | undefined>;
  putConversation(c: Conversation): Promise<void>;
  deleteConversation(id: string): Promise<void>;
  loadMessages(conversationId: string): Promise<MessageRow[]>;
  /** the newest `limit` rows by seq: enough to paint the latest turn before the rest arrives */
  loadLatestMessages(conversationId: string, limit: number): Promise<MessageRow[]>;
  getMessage(id: string): Promise<MessageRow | undefined>;
  putMessages(rows: MessageRow[]): Promise<void>;
  patchMessage(id: string, patch: Partial<MessageRow>): Promise<void>;
  deleteMessages(ids: string[]): Promise<void>;
  /** answers left 'streaming' by a previous session */
  streamingMessages(): Promise<MessageRow[]>;
}
