import type { Transaction } from 'dexie';
import type { ColumnSettings } from '../types';
import { V8_STORES } from './v8';

// Version 9: assistants, named setups a room can start from (renderer/assistants/). One row per assistant; a room
// started from one remembers it in ConversationRow.assistant.

export const V9_STORES = {
  ...V8_STORES,
  assistants: 'id, updatedAt',
} as const;

/** One column of an assistant: its model (with any variant suffix) and the settings a room column has. */
export interface AssistantColumn {
  model: string;
  label?: string;
  settings: ColumnSettings;
}

/** A named setup: a system prompt for every column, the models with their own settings, and room options. */
export interface AssistantRow {
  id: string;
  name: string;
  description?: string;
  /** sent by every column that has no system prompt of its own */
  systemPrompt?: string;
  columns: AssistantColumn[];
  blind?: boolean;
  pinProviders?: boolean;
  contextOverflow?: 'drop-oldest' | 'stop';
  createdAt: number;
  updatedAt: number;
}

export async function upgradeToV9(_tx: Transaction): Promise<void> {
  // a new, empty table: earlier versions had no assistants
}
