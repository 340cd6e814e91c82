import { BridgeError } from '../../shared/contract/bridge';
import { VaultInputError } from '../vault/key-vault';
import { describeWriteFailure, isFileSystemError } from '../fs/write-errors';

/** Runs a change that writes to the data directory; a refused input or a failed write (full disk) becomes an
 * error the page can show. The change itself only touches memory after its write succeeded. */
export function saving<T>(what: string, change: () => T): T {
  try {
    return change();
  } catch (err) {
    if (err instanceof VaultInputError) throw new BridgeError({ code: 'bad-request', message: err.message });
    if (isFileSystemError(err)) throw new BridgeError({ code: 'unavailable', message: describeWriteFailure(err, what) });
    throw err;
  }
}
