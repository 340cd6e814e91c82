import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The Electron executable, or null with the reason when it is not installed (installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1, or on a machine that could not download it). Looks on disk only: requiring the
 * `electron` package would try to download the binary. */
export function findElectronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(path) ? { path } : { path: null, reason: `no Electron binary at ${path}` };
  }
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return { path: null, reason: 'its download was skipped or failed during npm install' };
  const path = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { path } : { path: null, reason: `the binary is missing from ${join(pkgDir, 'dist')}` };
}
