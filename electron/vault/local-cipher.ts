import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, mkdirSync, chmodSync } from 'node:fs';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { join } from 'node:path';
import type { SecretCipher } from './cipher';

// Host mode has no OS keychain. Secrets are sealed with AES-256-GCM under a random key kept in a 0600 file in
// the data directory, so keys.json alone (a backup, a synced folder) reveals nothing.
export function createLocalCipher(dataDir: string): SecretCipher {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const keyPath = join(dataDir, 'vault.key');
  let key: Buffer;
  if (existsSync(keyPath)) {
    key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error('vault.key is corrupt; remove it and re-enter your keys');
  } else {
    key = randomBytes(32);
    writeFileAtomic(keyPath, key.toString('base64'));
  }
  try {
    chmodSync(keyPath, 0o600);
  } catch {
    // Not every filesystem supports modes (e.g. FAT); the key is still only readable by this user's account.
  }
  return {
    name: 'local-file',
    protection: 'local-file',
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
