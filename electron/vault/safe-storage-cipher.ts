import { safeStorage } from 'electron';
import type { SecretCipher } from './cipher';

/** safeStorage through the OS keychain. On Linux without a keyring, Chromium falls back to a fixed password
 * ("basic_text"); Parley then says so instead of pretending the keys are protected. */
export function createSafeStorageCipher(): SecretCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text';
  if (weak) console.warn('No OS keyring was found: keys are sealed with Chromium’s basic fallback, not a keychain');
  return {
    name: 'safeStorage',
    protection: weak ? 'basic' : 'os-keychain',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
