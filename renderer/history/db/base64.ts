// Base64 for attachment bytes in exports (chunked, so large files don't overflow the argument limit).

export function bytesToBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let bin = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) bin += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(bin);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64; returns null when the text is not valid base64. */
export function base64ToBytes(text: string): ArrayBuffer | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null;
  let bin: string;
  try {
    bin = atob(text);
  } catch {
    return null;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
