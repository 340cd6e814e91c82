import { writeBackup, listBackups, readBackup, BackupNameError, PartUploads } from '../../backup';
import { BridgeError } from '../../../shared/contract/bridge';
import type { RouteGroup } from './route-group';

/** Backups in the data folder: write one, list them, read one back. */
export function backupRouteHandlers(dataDir: string): RouteGroup<'backups'> {
  const uploads = new PartUploads();
  const write = async (json: string) => {
    try {
      return await writeBackup(dataDir, json);
    } catch (err) {
      if (err instanceof TypeError) throw new BridgeError({ code: 'bad-request', message: err.message });
      const code = (err as NodeJS.ErrnoException).code;
      throw new BridgeError({ code: 'unavailable', message: code === 'ENOSPC' ? 'The disk is full: the backup was not written' : `The backup could not be written (${code ?? 'error'})` });
    }
  };
  return {
    'backups.write': ({ json }) => write(json),
    'backups.writePart': async ({ upload, index, text, last }) => {
      let whole: string | null;
      try {
        whole = uploads.add(upload, index, text, last);
      } catch (err) {
        throw new BridgeError({ code: 'bad-request', message: (err as Error).message });
      }
      return whole === null ? { done: false as const, received: index + 1 } : { done: true as const, backup: await write(whole) };
    },
    'backups.list': () => listBackups(dataDir),
    'backups.read': async ({ name }) => {
      try {
        return { json: await readBackup(dataDir, name) };
      } catch (err) {
        if (err instanceof BackupNameError) throw new BridgeError({ code: 'bad-request', message: 'Not a Parley backup name' });
        throw new BridgeError({ code: 'not-found', message: 'That backup no longer exists' });
      }
    },
  };
}
