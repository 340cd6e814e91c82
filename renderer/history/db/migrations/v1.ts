import type { ColumnConfig, MessageStatus, ModelSnapshot, MessageCost, MessageTimings, AttachmentRef } from '../types';
import type { TokenCounts } from '../../../../shared/openrouter/generation';

// Schema version 1 (Parley 0.1 previews): messages ordered by createdAt, no per-conversation sequence, no sibling
// groups, no search index. Kept verbatim so a test can write a real v1 database and so Dexie can diff versions.
// Never edit a shipped version: append a new one.

export const V1_STORES = {
  conversations: 'id, updatedAt',
  messages: 'id, [conversationId+createdAt], parentId',
  attachments: 'id, messageId, conversationId',
  generations: 'id, createdAt, model, provider, conversationId',
  settings: 'key',
} as const;

export interface V1Conversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  columns: ColumnConfig[];
  pinned?: boolean;
}

export interface V1Message {
  id: string;
  conversationId: string;
  parentId: string | null;
  columnId: string | null;
  role: 'user' | 'assistant';
  content: string;
  reasoning?: string;
  attachments?: AttachmentRef[];
  status: MessageStatus;
  model?: ModelSnapshot;
  tokens?: TokenCounts | null;
  cost?: MessageCost;
  generationId?: string;
  timings?: MessageTimings;
  finishReason?: string | null;
  error?: { code?: number; message: string };
  createdAt: number;
  updatedAt: number;
}
