// Saving and copying a generated image: its file name, a download, and the clipboard (which takes PNG only).

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

/** "parley-<model>-<n>.<ext>": the model slug reduced to safe file-name characters, n counted from 1. */
export function imageFileName(model: string, n: number, mime: string): string {
  const slug = model.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'image';
  return `parley-${slug}-${n}.${EXT[mime] ?? 'png'}`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // revoke later: some engines start reading the URL only after click() returns
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

async function asPng(blob: Blob): Promise<Blob> {
  if (blob.type === 'image/png') return blob;
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('could not convert the image'))), 'image/png'));
}

/** Puts the image on the clipboard as PNG (the one image type every browser's clipboard takes). */
export async function copyImage(blob: Blob): Promise<void> {
  if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') throw new Error('this browser cannot copy images');
  // a promise for the item keeps the user's click as the permission for the write while the PNG is made
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': asPng(blob) })]);
}

/** The bytes of a data: URL as a Blob. */
export async function blobOfDataUrl(url: string): Promise<Blob> {
  return (await fetch(url)).blob();
}
