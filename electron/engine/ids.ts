import { randomFillSync } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// Random bytes are drawn from the OS in blocks: one system call per ~200 ids instead of one per request.
const pool = Buffer.allocUnsafe(4096);
let offset = pool.length;

/** OpenRouter-style generation id: `gen-<unix seconds>-<20 random base62 chars>`. */
export function newGenerationId(nowMs: number = Date.now()): string {
  if (offset + 20 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  let tail = '';
  for (let i = offset; i < offset + 20; i++) tail += ALPHABET[pool[i]! % ALPHABET.length];
  offset += 20;
  return `gen-${Math.floor(nowMs / 1000)}-${tail}`;
}
