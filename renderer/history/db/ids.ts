// Message/conversation ids: a prefix, a time part (so ids sort roughly by creation) and 80 random bits.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newId(prefix: 'conv' | 'msg' | 'att' | 'pack'): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 36]!;
  return `${prefix}_${Date.now().toString(36)}${rand}`;
}

/** Ids Parley accepts from files: printable, no separators that could confuse keys or paths. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
