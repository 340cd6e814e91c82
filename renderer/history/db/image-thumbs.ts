import { getParleyDb } from './database';

// A room shows each stored image as a small thumbnail; the full image is decoded only in the full-size dialog.
// Decoding hundreds of 2 MB PNGs as they scroll back into view is what made a room of images stutter. A thumbnail
// is made once (after the answer is stored, or the first time an older or imported image is shown) with
// createImageBitmap, which decodes off the main thread, and an OffscreenCanvas, and kept in the image's row beside
// its Blob (`thumb`, not indexed: no schema change). `thumb: null` means the image is small enough to show itself.

/** The longest side of a thumbnail: the room's tiles are 320 × 240 CSS pixels. */
export const THUMB_SIDE = 384;
const THUMB_TYPE = 'image/webp';
const THUMB_QUALITY = 0.75;

/** A thumbnail of the image; null when the image itself is small enough (or a thumbnail would save little);
 * undefined when this engine cannot make one (no createImageBitmap or OffscreenCanvas) or the image cannot be read. */
export async function makeThumbnail(blob: Blob): Promise<Blob | null | undefined> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas === 'undefined') return undefined;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    return undefined;
  }
  try {
    const scale = THUMB_SIDE / Math.max(bitmap.width, bitmap.height);
    if (scale >= 1) return null;
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const thumb = await canvas.convertToBlob({ type: THUMB_TYPE, quality: THUMB_QUALITY });
    return thumb.size * 2 < blob.size ? thumb : null;
  } finally {
    bitmap.close();
  }
}

const pending = new Map<string, Promise<Blob | undefined>>();

/** The Blob to show in the room for a stored image: its thumbnail, made and stored on first use; the image itself
 * when it is small, or when no thumbnail can be made here. Undefined when the image is not stored. */
export function getImageThumb(id: string): Promise<Blob | undefined> {
  let p = pending.get(id);
  if (!p) {
    p = thumbOf(id).finally(() => pending.delete(id));
    pending.set(id, p);
  }
  return p;
}

async function thumbOf(id: string): Promise<Blob | undefined> {
  const db = getParleyDb();
  const row = await db.images.get(id);
  if (!(row?.blob instanceof Blob)) return undefined;
  if (row.thumb instanceof Blob) return row.thumb;
  if (row.thumb === null) return row.blob;
  const thumb = await makeThumbnail(row.blob);
  if (thumb === undefined) return row.blob;
  // the row may have gone meanwhile (its conversation deleted): update() then changes nothing
  await db.images.update(id, { thumb }).catch(() => {});
  return thumb ?? row.blob;
}

/** Makes the thumbnails of freshly stored images in the background, one after another. */
export function makeThumbnailsSoon(ids: readonly string[]): void {
  void ids.reduce<Promise<unknown>>((prev, id) => prev.then(() => getImageThumb(id)).catch(() => {}), Promise.resolve());
}
