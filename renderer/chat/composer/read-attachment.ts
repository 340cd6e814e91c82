import type { AttachmentKind, PendingAttachment } from '../../common/room/types';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const TEXT_EXT = /\.(txt|md|markdown|csv|tsv|json|jsonl|xml|ya?ml|toml|ini|log|py|js|mjs|cjs|ts|tsx|jsx|java|kt|c|h|cc|cpp|hpp|cs|go|rs|rb|php|swift|sh|bash|zsh|sql|html|css|scss)$/i;

export function attachmentKind(file: { name: string; type: string }): AttachmentKind | null {
  if (/^image\/(png|jpe?g|webp|gif)$/.test(file.type)) return 'image';
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) return 'pdf';
  if (file.type.startsWith('text/') || file.type === 'application/json' || TEXT_EXT.test(file.name)) return 'text';
  return null;
}

function read(file: Blob, as: 'dataURL' | 'text'): Promise<string> {
  return new Promise((done, fail) => {
    const r = new FileReader();
    r.onload = () => done(String(r.result));
    r.onerror = () => fail(r.error ?? new Error('Could not read the file'));
    if (as === 'dataURL') r.readAsDataURL(file);
    else r.readAsText(file);
  });
}

/** Images and PDFs become data URLs (sent as image_url / file parts); text files are inlined into the prompt. */
export async function readAttachment(file: File): Promise<PendingAttachment> {
  const kind = attachmentKind(file);
  if (!kind) throw new Error(`${file.name}: only images (PNG, JPEG, WebP, GIF), PDFs and text files can be attached`);
  if (file.size > MAX_ATTACHMENT_BYTES) throw new Error(`${file.name} is larger than 20 MB`);
  let data = await read(file, kind === 'text' ? 'text' : 'dataURL');
  if (kind === 'pdf' && !data.startsWith('data:application/pdf')) data = data.replace(/^data:[^;,]*/, 'data:application/pdf');
  const mime = file.type || (kind === 'pdf' ? 'application/pdf' : kind === 'text' ? 'text/plain' : 'application/octet-stream');
  return { name: file.name || (kind === 'image' ? 'pasted image' : 'file'), mime, size: file.size, kind, data, blob: file };
}
