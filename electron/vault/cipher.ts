/** How the vault seals secrets at rest. Electron uses the OS keychain through safeStorage; the plain-Node host
 * uses a local key file (see local-cipher.ts). */
export interface SecretCipher {
  readonly name: 'safeStorage' | 'local-file';
  /** How well the sealing key is kept: by the OS keychain, in a 0600 file, or by Chromium's fixed fallback. */
  readonly protection: 'os-keychain' | 'local-file' | 'basic';
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}
