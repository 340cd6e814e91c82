import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

// Rolling automatic backups of the conversation history, written by the main process from the renderer's export
// (pure Node: no Electron import, so it also runs in the loopback host and in tests).
//   <dataDir>/backups/parley-backup-YYYY-MM-DD.json   (local date)
// At most one file per day, the newest `keep` days are kept (default 14). A later backup the same day replaces
// that day's file but keeps the conversations only the earlier one held (a second browser profile, or a store that
// was emptied, never shrinks the day's backup). Text that is not a Parley export is refused before anything is
// touched. Each write goes to a temporary file that is flushed to disk and then renamed over the target, so a
// crash mid-write never leaves a half-written backup in place of a good one.

export const BACKUP_DIR = 'backups';
export const DEFAULT_KEEP = 14;
const NAME = /^parley-backup-(\d{4})-(\d{2})-(\d{2})\.json$/;
const TEMP_PREFIX = '.parley-backup-';

export interface BackupInfo {
  name: string;
  date: string; // YYYY-MM-DD
  sizeBytes: number;
  modifiedAt: number;
}

export class BackupNameError extends Error {
  override name = 'BackupNameError';
}

/** The text handed over is not a Parley export (docs/export-format.md). */
export class BackupContentError extends TypeError {
  override name = 'BackupContentError';
}

interface ExportShape {
  format: 'parley-export';
  version: number;
  conversations: { id: string }[];
  [field: string]: unknown;
}

/** Parses `text` and checks it is a Parley export: the format marker, a version, and conversations with ids. The
 * renderer validates every field on restore; this is what main needs to trust a file enough to keep it. */
export function parseParleyExport(text: string): ExportShape {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupContentError('a backup must be a JSON object (this is not JSON)');
  }
  const o = data as Partial<ExportShape> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new BackupContentError('a backup must be a JSON object');
  if (o.format !== 'parley-export') throw new BackupContentError('a backup must be a Parley export (format "parley-export")');
  if (!Number.isInteger(o.version) || (o.version as number) < 1) throw new BackupContentError('a backup must say which export version it is');
  if (!Array.isArray(o.conversations) || !o.conversations.every((c) => typeof (c as { id?: unknown })?.id === 'string')) {
    throw new BackupContentError('a backup must hold a list of conversations, each with an id');
  }
  return o as ExportShape;
}

/** Today's file so far, when it is a readable export: its conversations are kept by a later write. */
async function earlierToday(target: string): Promise<ExportShape | null> {
  try {
    return parseParleyExport(await readFile(target, 'utf8'));
  } catch {
    return null; // none yet, or unreadable: nothing to keep
  }
}

export function backupNameFor(now: Date | number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `parley-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}

/** Throws unless `name` is exactly a backup file name (no directories, no traversal). */
export function assertBackupName(name: string): void {
  if (typeof name !== 'string' || !NAME.test(name)) throw new BackupNameError('not a Parley backup file name');
}

async function fsyncDir(dir: string) {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // not supported on every platform (Windows); the rename itself is still atomic
  }
}

export interface WriteBackupOptions {
  keep?: number;
}

/**
 * Writes today's backup atomically and prunes old ones. `data` is the export (object or its JSON text).
 * Returns the written backup's info.
 */
export async function writeBackup(dataDir: string, data: string | object, now: Date | number = Date.now(), opts: WriteBackupOptions = {}): Promise<BackupInfo> {
  const keep = Math.max(1, Math.floor(opts.keep ?? DEFAULT_KEEP));
  let text = typeof data === 'string' ? data : JSON.stringify(data);
  const incoming = parseParleyExport(text);
  const dir = join(dataDir, BACKUP_DIR);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = backupNameFor(now);
  const target = join(dir, name);
  const earlier = await earlierToday(target);
  if (earlier) {
    const ids = new Set(incoming.conversations.map((c) => c.id));
    const onlyEarlier = earlier.conversations.filter((c) => !ids.has(c.id));
    if (onlyEarlier.length > 0) text = JSON.stringify({ ...incoming, conversations: [...incoming.conversations, ...onlyEarlier] });
  }
  const temp = join(dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(temp, 'wx', 0o600);
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await fh.close();
  try {
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
  await prune(dir, keep);
  const s = await stat(target);
  return { name, date: name.slice(14, 24), sizeBytes: s.size, modifiedAt: s.mtimeMs };
}

async function prune(dir: string, keep: number) {
  const entries = await readdir(dir);
  const backups = entries.filter((n) => NAME.test(n)).sort().reverse(); // YYYY-MM-DD sorts by date
  for (const old of backups.slice(keep)) await unlink(join(dir, old)).catch(() => undefined);
  // temp files left by a crash more than an hour ago
  for (const n of entries.filter((e) => e.startsWith(TEMP_PREFIX) && e.endsWith('.tmp'))) {
    const p = join(dir, n);
    const s = await stat(p).catch(() => null);
    if (s && Date.now() - s.mtimeMs > 3_600_000) await unlink(p).catch(() => undefined);
  }
}

/** Backups newest first. */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const dir = join(dataDir, BACKUP_DIR);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: BackupInfo[] = [];
  for (const name of entries.filter((n) => NAME.test(n))) {
    const s = await stat(join(dir, name)).catch(() => null);
    if (s?.isFile()) out.push({ name, date: name.slice(14, 24), sizeBytes: s.size, modifiedAt: s.mtimeMs });
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** The backup's JSON text. `name` must be a plain backup file name as returned by listBackups. */
export async function readBackup(dataDir: string, name: string): Promise<string> {
  assertBackupName(name);
  return readFile(join(dataDir, BACKUP_DIR, name), 'utf8');
}
