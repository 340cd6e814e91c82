import { getParleyDb } from './database';
import { newId } from './ids';
import type { AttachmentRef, AttachmentRow } from './types';

// Attachment bytes live in their own table, never inside message rows; messages carry only AttachmentRefs.

export interface NewAttachment {
  name: string;
  mime: string;
  data: Blob | ArrayBuffer | Uint8Array;
}

export interface PreparedAttachment {
  ref: AttachmentRef;
  bytes: ArrayBuffer;
}

export async function toArrayBuffer(data: Blob | ArrayBuffer | Uint8Array): Promise<ArrayBuffer> {
  if (Object.prototype.toString.call(data) === '[object ArrayBuffer]') return (data as ArrayBuffer).slice(0);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer as ArrayBuffer;
  const blob = data as Blob;
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  // older DOMs (jsdom) only offer FileReader
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('could not read attachment'));
    reader.readAsArrayBuffer(blob);
  });
}

/** Reads the bytes before a transaction starts (awaiting a Blob inside an IndexedDB transaction would end it). */
export async function prepareAttachments(list: NewAttachment[] | undefined): Promise<PreparedAttachment[]> {
  return Promise.all(
    (list ?? []).map(async (a) => {
      const bytes = await toArrayBuffer(a.data);
      return { ref: { id: newId('att'), name: a.name, mime: a.mime, size: bytes.byteLength }, bytes };
    }),
  );
}

export function attachmentRows(prepared: PreparedAttachment[], messageId: string, conversationId: string): AttachmentRow[] {
  return prepared.map((p) => ({ ...p.ref, messageId, conversationId, blob: p.bytes }));
}

export async function getAttachment(id: string): Promise<AttachmentRow | undefined> {
  return getParleyDb().attachments.get(id);
}

/** The attachment's bytes as a Blob of its MIME type. */
export async function getAttachmentBlob(id: string): Promise<Blob | undefined> {
  const row = await getAttachment(id);
  return row ? new Blob([row.blob], { type: row.mime }) : undefined;
}

export async function listMessageAttachments(messageId: string): Promise<AttachmentRow[]> {
  return getParleyDb().attachments.where('messageId').equals(messageId).toArray();
}
