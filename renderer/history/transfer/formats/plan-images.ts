import type { ImageRef } from '../../db/types';
import type { ImageRow } from '../../db/migrations/v7';
import { imageId } from '../../db/images';
import { base64ToBytes } from '../../db/base64';

// An export's images (docs/export-format.md, "Images") → rows of the images table. An image that cannot be read
// (not base64, not an image type, or not the size it claims) is left out with a warning naming it; the rest of
// the file is imported as usual, and the answer no longer refers to the image that was left out.

export interface ExportedImageIn {
  id: string;
  messageId: string;
  mime: string;
  size: number;
  data: string;
}

export interface PlannedImages {
  rows: ImageRow[];
  /** file image id → stored image id */
  ids: Map<string, string>;
}

function problemOf(img: ExportedImageIn, bytes: ArrayBuffer | null, maxBytes: number): string | null {
  if (!/^image\/[A-Za-z0-9.+-]+$/.test(img.mime)) return `its type "${img.mime}" is not an image type`;
  if (!bytes) return 'its data is not valid base64';
  if (bytes.byteLength !== img.size) return `it holds ${bytes.byteLength} bytes where the file says ${img.size}`;
  if (bytes.byteLength > maxBytes) return 'it is larger than the import limit';
  return null;
}

export function planImages(
  images: readonly ExportedImageIn[],
  where: string,
  ctx: { conversationId: string; msgId: (old: string) => string; hasMessage: (old: string) => boolean; taken: Set<string>; copy: boolean; maxBytes: number; warnings: string[]; now: number },
): PlannedImages {
  const rows: ImageRow[] = [];
  const ids = new Map<string, string>();
  const perMessage = new Map<string, number>();
  for (const img of images) {
    if (!ctx.hasMessage(img.messageId)) {
      ctx.warnings.push(`${where}: image ${img.id} belongs to no message in the file and was left out`);
      continue;
    }
    const bytes = base64ToBytes(img.data);
    const problem = problemOf(img, bytes, ctx.maxBytes);
    if (problem) {
      ctx.warnings.push(`${where}: image ${img.id} could not be imported (${problem}); it was left out, everything else was imported`);
      continue;
    }
    const messageId = ctx.msgId(img.messageId);
    const n = perMessage.get(messageId) ?? 0;
    perMessage.set(messageId, n + 1);
    let id = img.id;
    if (ctx.copy || ctx.taken.has(id) || messageId !== img.messageId) {
      id = imageId(messageId, n);
      while (ctx.taken.has(id)) id = `${id}x`;
    }
    ctx.taken.add(id);
    ids.set(img.id, id);
    rows.push({ id, messageId, conversationId: ctx.conversationId, mime: img.mime, size: bytes!.byteLength, blob: new Blob([bytes!], { type: img.mime }), createdAt: ctx.now });
  }
  return { rows, ids };
}

/** A message's image refs with stored ids; refs whose image was left out are dropped. */
export function importedImageRefs(refs: readonly ImageRef[], planned: PlannedImages): ImageRef[] {
  const out: ImageRef[] = [];
  for (const r of refs) {
    const id = planned.ids.get(r.id);
    if (id) out.push({ id, mime: r.mime, size: r.size });
  }
  return out;
}
