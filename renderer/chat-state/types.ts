import type { GenerationRecord } from '../../shared/openrouter/generation';

// The renderer's view of a room. A conversation holds model columns; messages form a tree:
//   user message  → parentId = the previous turn's user message (null for the first turn)
//   answer        → parentId = its user message, columnId = the column that produced it
// Siblings (regenerated answers, edited prompts) share parentId (+ columnId for answers); which one is shown is
// the conversation's `selection`. A user message may name `continueFromId`: the answer that is the shared history
// for every column from that turn on ("Continue with this answer").

export type Variant = '' | 'free' | 'nitro' | 'floor' | 'online' | 'thinking' | 'extended';
export type ReasoningEffort = '' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

export interface ColumnSettings {
  system: string;
  temperature: number | null;
  maxTokens: number | null;
  reasoningEffort: ReasoningEffort;
  variant: Variant;
  providerOrder: string[];
  providerOnly: string[];
  providerIgnore: string[];
  providerSort: '' | 'price' | 'throughput' | 'latency';
}

export interface ColumnConfig {
  id: string;
  model: string; // OpenRouter slug without variant suffix
  settings: ColumnSettings;
}

export interface Conversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  columns: ColumnConfig[];
  /** sibling key → chosen message id (see siblingKeyOf) */
  selection: Record<string, string>;
  /** set by "Continue with this answer": the next prompt continues from this answer in every column */
  pendingContinueFromId: string | null;
  lastSeq: number;
}

export interface AttachmentRef {
  id: string;
  name: string;
  mime: string;
  size: number;
  kind: 'image' | 'pdf' | 'text';
  /** data: URL for images/PDFs; the text itself for text files */
  data: string;
}

export type MessageStatus = 'streaming' | 'done' | 'error' | 'stopped' | 'interrupted';

export interface MessageRow {
  id: string;
  conversationId: string;
  parentId: string | null;
  role: 'user' | 'assistant';
  columnId: string | null;
  seq: number; // creation order within the conversation
  createdAt: number;
  content: string;
  attachments?: AttachmentRef[];
  continueFromId?: string | null;
  // answers only
  status?: MessageStatus;
  streamId?: string;
  requestedModel?: string;
  reasoning?: string;
  model?: string | null;
  provider?: string | null;
  finishReason?: string | null;
  error?: { code: number; message: string } | null;
  record?: GenerationRecord | null;
  startedAt?: number;
  firstTokenAt?: number | null;
}

export const DEFAULT_SETTINGS: ColumnSettings = {
  system: '',
  temperature: null,
  maxTokens: null,
  reasoningEffort: '',
  variant: '',
  providerOrder: [],
  providerOnly: [],
  providerIgnore: [],
  providerSort: '',
};
