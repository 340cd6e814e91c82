import { getAttachmentBlob } from '../../history/db/attachments';
import { attachmentKindOf, type MessageRow } from '../../common/room/types';
import type { AttachmentData } from './request';

// Attachment bytes live in the history store; requests need them as data: URLs (or text). Read once per id.

const cache: AttachmentData = new Map();
const MAX = 200;

function remember(id: string, data: string) {
  if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
  cache.set(id, data);
}

export function rememberAttachment(id: string, data: string) {
  remember(id, data);
}

function blobTo(blob: Blob, as: 'dataURL' | 'text'): Promise<string> {
  return new Promise((done, fail) => {
    const r = new FileReader();
    r.onload = () => done(String(r.result));
    r.onerror = () => fail(r.error ?? new Error('could not read an attachment'));
    if (as === 'dataURL') r.readAsDataURL(blob);
    else r.readAsText(blob);
  });
}

/** The data of every attachment in `history`, loaded from storage where not in memory. */
export async function attachmentData(history: MessageRow[]): Promise<AttachmentData> {
  const out: AttachmentData = new Map();
  for (const m of history) {
    for (const a of m.attachments ?? []) {
      let data = cache.get(a.id);
      if (data === undefined) {
        const blob = await getAttachmentBlob(a.id);
        if (!blob) continue;
        data = await blobTo(blob, attachmentKindOf(a) === 'text' ? 'text' : 'dataURL');
        if (attachmentKindOf(a) === 'pdf' && !data.startsWith('data:application/pdf')) data = data.replace(/^data:[^;,]*/, 'data:application/pdf');
        remember(a.id, data);
      }
      out.set(a.id, data);
    }
  }
  return out;
}
