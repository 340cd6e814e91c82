/** A failed write to the data directory, in words a user can act on. `what` names what was not saved
 * ("the settings", "the key"). */
export function describeWriteFailure(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full: ${what} could not be saved. Free some space and try again.`;
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return `Parley's data folder cannot be written (${code}): ${what} could not be saved.`;
    default:
      return `${what[0]!.toUpperCase()}${what.slice(1)} could not be saved (${code ?? 'write error'}).`;
  }
}

/** True for an error thrown by the file system (it has an errno code), as opposed to a bug. */
export function isFileSystemError(err: unknown): err is NodeJS.ErrnoException {
  return typeof (err as NodeJS.ErrnoException)?.code === 'string' && typeof (err as NodeJS.ErrnoException)?.syscall === 'string';
}
