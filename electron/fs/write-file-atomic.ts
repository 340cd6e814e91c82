import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-modes';

/** Writes a file so a crash or a full disk leaves either the old or the new content, never half of one: a
 * temporary file in the same folder, flushed to disk, then renamed over the target. On any failure the temporary
 * file is removed and the error is thrown, with the target untouched — callers change their in-memory state only
 * after this returns. Files are private to this user (0600) unless `mode` says otherwise. */
export function writeFileAtomic(file: string, text: string, mode: number = PRIVATE_FILE_MODE): void {
  mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  const tmp = `${file}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', mode);
    writeFileSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the write error is the one to report
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or already gone
    }
    throw err;
  }
}
