import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

/** The Electron executable, or null with the reason when it is not installed (e.g. installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1, or on a machine that cannot download it). */
export function findElectronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { path: null, reason: 'the electron package points at a missing binary' };
  } catch (err) {
    return { path: null, reason: String(err?.message ?? err).split('\n')[0] };
  }
}
