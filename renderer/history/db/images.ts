import { getParleyDb } from './database';
import type { ImageRow } from './migrations/v7';
import type { ImageRef } from './types';
import { base64ToBytes } from './base64';

// Generated images: the bytes live as Blobs in the `images` table (schema v7), never as base64 text in message
// rows; an answer's row lists its images as ImageRefs. Ids are derived from the answer's id and the image's
// position, so storing the same answer again (a retried final write) puts the same rows, never duplicates.

export type { ImageRow };

export interface DecodedImage {
  ref: ImageRef;
  bytes: Uint8Array;
}

const DATA_URL = /^data:(image\/[A-Za-z0-9.+-]+);base64,(.*)$/s;

export function imageId(messageId: string, n: number): string {
  return `${messageId}.img${n}`;
}

/** A data: URL of an image → its MIME type and bytes; null when it is not a base64 image data: URL. */
export function decodeImageDataUrl(url: string): { mime: string; bytes: Uint8Array } | null {
  const m = DATA_URL.exec(url);
  if (!m) return null;
  const bytes = base64ToBytes(m[2]!.replace(/\s+/g, ''));
  return bytes ? { mime: m[1]!, bytes: new Uint8Array(bytes) } : null;
}

/** An answer's streamed images (data: URLs, in order) decoded for storage; a URL that is not an image is skipped. */
export function decodeAnswerImages(messageId: string, urls: readonly string[]): DecodedImage[] {
  const out: DecodedImage[] = [];
  urls.forEach((url, n) => {
    const d = decodeImageDataUrl(url);
    if (d) out.push({ ref: { id: imageId(messageId, n), mime: d.mime, size: d.bytes.byteLength }, bytes: d.bytes });
  });
  return out;
}

export function imageRows(images: DecodedImage[], messageId: string, conversationId: string, now = Date.now()): ImageRow[] {
  return images.map((i) => ({ ...i.ref, messageId, conversationId, createdAt: now, blob: new Blob([i.bytes as BlobPart], { type: i.ref.mime }) }));
}

export async function getImageBlob(id: string): Promise<Blob | undefined> {
  const row = await getParleyDb().images.get(id);
  return row?.blob instanceof Blob ? row.blob : undefined;
}

/** How many images are stored and their bytes (Settings → Storage). */
export async function imageUsage(): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  // sizes only: each() reads rows one by one, and the Blob's bytes stay on disk
  await getParleyDb().images.each((row) => {
    count++;
    bytes += row.size + (row.thumb instanceof Blob ? row.thumb.size : 0); // thumbnails take room too
  });
  return { count, bytes };
}

/** The refs an answer's images will be stored under, read from the data: URLs without decoding them. */
export function answerImageRefs(messageId: string, urls: readonly string[]): ImageRef[] {
  const out: ImageRef[] = [];
  urls.forEach((url, n) => {
    const m = DATA_URL.exec(url);
    if (!m) return;
    const b64 = m[2]!.replace(/\s+/g, '');
    const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
    out.push({ id: imageId(messageId, n), mime: m[1]!, size: Math.floor((b64.length * 3) / 4) - pad });
  });
  return out;
}
