import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Parley's data directory holds sealed keys, the usage ledger and conversation backups: readable by this user
// only. New files are created 0600 and folders 0700; files left by older versions (0644 / 0755) are tightened
// at start-up.

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** What Parley itself keeps in the data directory. In the Electron app the same folder also holds Chromium's own
 * files, which are left to Chromium. */
const OWN_FILES = ['settings.json', 'keys.json', 'vault.key', 'local-api-token', 'host.json'];
const OWN_DIRS = ['ledger', 'catalog', 'backups'];

function chmodQuietly(path: string, mode: number) {
  try {
    chmodSync(path, mode);
  } catch {
    // Not every filesystem has modes (FAT, some network shares); the files are still in this user's folder.
  }
}

/** Creates the data directory if needed and makes it and Parley's files in it private to this user. */
export function makeDataDirPrivate(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodQuietly(dataDir, PRIVATE_DIR_MODE);
  for (const name of OWN_FILES) {
    const p = join(dataDir, name);
    if (existsSync(p)) chmodQuietly(p, PRIVATE_FILE_MODE);
  }
  for (const name of OWN_DIRS) {
    const dir = join(dataDir, name);
    if (!existsSync(dir)) continue;
    chmodQuietly(dir, PRIVATE_DIR_MODE);
    for (const entry of readdirSync(dir)) {
      const p = join(dir, entry);
      try {
        chmodQuietly(p, statSync(p).isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
      } catch {
        // removed while we looked
      }
    }
  }
}
