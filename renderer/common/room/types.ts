import { PICKER_VARIANTS, type PickerVariant } from '../../../shared/catalog/variants';
import type { AttachmentRef, ColumnConfig, ConversationRow, MessageRow } from '../../history/db/types';

// The room works on the history store's own rows (history/db). A conversation holds model columns; messages form
// a tree: a prompt's parent is the previous prompt on its branch, an answer's parent is its prompt. Siblings
// (regenerated answers, edited prompts) share a groupId; conversation.selection picks the shown one (newest by
// default). A prompt may name continueFromId: the answer that is every column's history from that turn on.

export type { AttachmentRef, ColumnConfig, ColumnSettings, MessageRow, MessageStatus, ReasoningEffort } from '../../history/db/types';
export type Conversation = ConversationRow;

export const VARIANTS = PICKER_VARIANTS;
export type Variant = '' | PickerVariant;

/** "openai/gpt-4o:nitro" → { base: "openai/gpt-4o", variant: "nitro" } (unknown suffixes stay in base). */
export function splitVariant(model: string): { base: string; variant: Variant } {
  const i = model.lastIndexOf(':');
  const suffix = i > 0 ? model.slice(i + 1) : '';
  if ((VARIANTS as readonly string[]).includes(suffix)) return { base: model.slice(0, i), variant: suffix as Variant };
  return { base: model, variant: '' };
}

export function withVariant(base: string, variant: Variant): string {
  return variant ? `${splitVariant(base).base}:${variant}` : splitVariant(base).base;
}

export type AttachmentKind = 'image' | 'pdf' | 'text';

/** A file read for sending: its bytes for storage, and what goes into the request (data: URL, or the text). */
export interface PendingAttachment {
  name: string;
  mime: string;
  size: number;
  kind: AttachmentKind;
  data: string;
  blob: Blob;
}

export function attachmentKindOf(a: Pick<AttachmentRef, 'name' | 'mime'>): AttachmentKind {
  if (a.mime.startsWith('image/')) return 'image';
  if (a.mime === 'application/pdf' || /\.pdf$/i.test(a.name)) return 'pdf';
  return 'text';
}

export type { ColumnConfig as Column };
export const isAnswer = (m: MessageRow) => m.role === 'assistant';
