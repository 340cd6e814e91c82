import { bridge } from '../../bridge';
import { BACKUP_PART_CHARS, type BackupInfo } from '../../../shared/contract/routes';

/** Hands a backup to main in parts (backups.writePart), so no one message holds the page for long, however large the
 * history: each part is a short send, and the page paints between them. */
export async function writeBackupInParts(json: string): Promise<BackupInfo> {
  const upload = `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  const count = Math.max(1, Math.ceil(json.length / BACKUP_PART_CHARS));
  for (let index = 0; index < count; index++) {
    const text = json.slice(index * BACKUP_PART_CHARS, (index + 1) * BACKUP_PART_CHARS);
    const r = await bridge().invoke('backups.writePart', { upload, index, text, last: index === count - 1 });
    if (r.done) return r.backup;
  }
  throw new Error('main did not confirm the backup');
}
