import Dexie from 'dexie';
import { DEFAULT_DB_NAME } from './database';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { NewerDatabaseError } from './newer-database-error';

export { NewerDatabaseError };

// A history saved by a newer Parley (its schema version is above the newest this code knows) is never opened:
// IndexedDB refuses to open a database at a lower version than it has, so nothing here can change or lose it. The
// user is told why the history is unavailable and what to do, instead of seeing empty or failing views.

/** The schema version the stored history has, without upgrading it; null when there is none yet. */
export async function storedSchemaVersion(name = DEFAULT_DB_NAME): Promise<number | null> {
  if (!(await Dexie.exists(name))) return null;
  const probe = new Dexie(name); // no versions declared: opens whatever version is installed, unchanged
  try {
    await probe.open();
    return probe.verno;
  } finally {
    probe.close();
  }
}

/** A NewerDatabaseError when the stored history is newer than this code; null when it can be opened. */
export async function newerDatabaseProblem(name = DEFAULT_DB_NAME): Promise<NewerDatabaseError | null> {
  const found = await storedSchemaVersion(name);
  return found !== null && found > CURRENT_SCHEMA_VERSION ? new NewerDatabaseError(found) : null;
}

/** An error from opening the database, as the user should read it (a VersionError means a newer Parley). */
export async function explainOpenError(err: unknown, name = DEFAULT_DB_NAME): Promise<unknown> {
  if ((err as { name?: string } | null)?.name !== 'VersionError') return err;
  return (await newerDatabaseProblem(name).catch(() => null)) ?? err;
}
