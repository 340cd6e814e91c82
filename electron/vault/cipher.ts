/** How the vault seals secrets at rest. Electron uses the OS keychain through safeStorage; the plain-Node host
 * uses a local key file (see local-cipher.ts). */
export interface SecretCipher {
  readonly name: 'safeStorage' | 'local-file';
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}
