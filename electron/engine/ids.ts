import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** OpenRouter-style generation id: `gen-<unix seconds>-<20 random base62 chars>`. */
export function newGenerationId(nowMs: number = Date.now()): string {
  const bytes = randomBytes(20);
  let tail = '';
  for (const b of bytes) tail += ALPHABET[b % ALPHABET.length];
  return `gen-${Math.floor(nowMs / 1000)}-${tail}`;
}
