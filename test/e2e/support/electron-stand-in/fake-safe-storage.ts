import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FakeApp } from './fake-app';

export type LinuxStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6';

export interface FakeSafeStorageOptions {
  /** false: no keychain at all (encryption unavailable). Default true. */
  available?: boolean;
  /** Linux only: the password store Chromium picked. Default gnome_libsecret. */
  linuxBackend?: LinuxStorageBackend;
}

/** Electron's `safeStorage`: strings sealed under a key the "OS keychain" (this object) keeps. Like Electron, on
 * Linux and Windows nothing is available before ready, and getSelectedStorageBackend exists on Linux only. */
export function createSafeStorage(app: FakeApp, opts: FakeSafeStorageOptions = {}) {
  const key = randomBytes(32);
  const available = opts.available ?? true;
  const calls = { encrypt: 0, decrypt: 0 };
  const readyNeeded = process.platform !== 'darwin';

  function open(sealed: Buffer): string {
    if (sealed.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(3, 15));
    decipher.setAuthTag(sealed.subarray(15, 31));
    return Buffer.concat([decipher.update(sealed.subarray(31)), decipher.final()]).toString('utf8');
  }

  const safeStorage = {
    isEncryptionAvailable(): boolean {
      return available && (app.isReady() || !readyNeeded);
    },
    encryptString(plain: string): Buffer {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
      }
      calls.encrypt++;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
    },
    decryptString(sealed: Buffer): string {
      calls.decrypt++;
      return open(sealed);
    },
    ...(process.platform === 'linux'
      ? { getSelectedStorageBackend: () => (app.isReady() ? (opts.linuxBackend ?? 'gnome_libsecret') : 'unknown') }
      : {}),
  };
  /** For tests: what the keychain would reveal for a sealed value, without counting as a call by main. */
  return { safeStorage, calls, unseal: open };
}
