import type { ExportedPlace } from '../../folders/transfer-folders';
import { z } from 'zod';
import type { ConversationRow, GenerationRow, MessageRow } from '../../db/types';
import { exportFields } from './export-fields';
import { conversationSchema } from './export-conversation-schema';

// Parley's JSON export, format "parley-export" version 1 (documented in docs/export-format.md). Every field is
// validated on import with the zod schema below, within configurable limits.

export const EXPORT_FORMAT = 'parley-export';
export const EXPORT_VERSION = 1;

export type ExportedMessage = Omit<MessageRow, 'conversationId' | 'groupId' | 'streaming' | 'dn'>;
export interface ExportedAttachment {
  id: string;
  messageId: string;
  name: string;
  mime: string;
  size: number;
  data: string; // base64
}
/** A generated image (docs/export-format.md, "Images"). */
export interface ExportedImage {
  id: string;
  messageId: string;
  mime: string;
  size: number; // bytes
  data: string; // base64
}
export type ExportedGeneration = Omit<GenerationRow, 'conversationId'>;
export interface ExportedConversation extends Omit<ConversationRow, 'deletedAt' | 'folderId' | 'archived'>, ExportedPlace {
  messages: ExportedMessage[];
  attachments: ExportedAttachment[];
  images?: ExportedImage[];
  generations: ExportedGeneration[];
}
export interface ParleyExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  app: { name: 'Parley'; version?: string };
  conversations: ExportedConversation[];
}

export interface ImportLimits {
  /** whole file, in bytes (default 512 MiB) */
  maxBytes: number;
  /** JSON nesting depth (default 32; a Parley export needs 8) */
  maxDepth: number;
  /** any text field: message content, reasoning, system prompt (default 10 M characters) */
  maxTextChars: number;
  /** one attachment's bytes (default 100 MiB) */
  maxAttachmentBytes: number;
  /** messages in one file (default 2 000 000) */
  maxMessages: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 512 * 1024 * 1024,
  maxDepth: 32,
  maxTextChars: 10_000_000,
  maxAttachmentBytes: 100 * 1024 * 1024,
  maxMessages: 2_000_000,
};

export function exportSchema(limits: ImportLimits) {
  const f = exportFields(limits);
  const { short } = f;
  const conversation = conversationSchema(f, limits);
  return z.object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: short.optional(),
    app: z.object({ name: short, version: short.optional() }).optional(),
    conversations: z.array(conversation).max(1_000_000),
  });
}

export type ValidatedExport = z.infer<ReturnType<typeof exportSchema>>;
