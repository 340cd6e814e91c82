import { getParleyDb } from '../../db/database';
import { toArrayBuffer } from '../../db/attachments';
import { bytesToBase64 } from '../../db/base64';
import type { ExportedImage } from './export-format';

/** A conversation's generated images for an export: base64 with their type and size (docs/export-format.md). */
export async function exportedImages(conversationId: string): Promise<ExportedImage[]> {
  const rows = await getParleyDb().images.where('conversationId').equals(conversationId).toArray();
  const out: ExportedImage[] = [];
  for (const r of rows) {
    // read outside any transaction, one at a time: a Blob's bytes are only loaded here
    out.push({ id: r.id, messageId: r.messageId, mime: r.mime, size: r.size, data: bytesToBase64(await toArrayBuffer(r.blob)) });
  }
  return out;
}
