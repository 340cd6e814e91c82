import { CURRENT_SCHEMA_VERSION } from './migrations';

/** The stored history was saved by a newer Parley: its storage version is above the newest this code knows. */
export class NewerDatabaseError extends Error {
  override readonly name = 'NewerDatabaseError';
  constructor(
    readonly foundVersion: number,
    readonly supportedVersion = CURRENT_SCHEMA_VERSION,
  ) {
    super(
      `Your conversations were saved by a newer version of Parley (storage version ${foundVersion}; this version reads up to ${supportedVersion}). ` +
        'Update Parley to open them. Nothing was changed.',
    );
  }
}
