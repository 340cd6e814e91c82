import type { Transaction } from 'dexie';
import { V5_STORES } from './v5';

// Version 7: generated images, one row per image with its bytes as a Blob (never base64 in a message row); a
// message refers to its images by id. Earlier versions dropped generated images, so there is nothing to move.

export const V7_STORES = {
  ...V5_STORES,
  images: 'id, messageId, conversationId',
} as const;

/** One generated image. */
export interface ImageRow {
  id: string;
  messageId: string;
  conversationId: string;
  mime: string;
  size: number; // bytes
  blob: Blob;
  /** a small copy for the room (image-thumbs.ts); null: the image is small enough; absent: not made yet.
   * Not indexed, so adding it needed no schema version. */
  thumb?: Blob | null;
  createdAt: number;
}

export async function upgradeToV7(_tx: Transaction): Promise<void> {
  // a new, empty table: no rows of earlier versions hold images
}
