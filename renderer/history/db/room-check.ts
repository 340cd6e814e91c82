import Dexie, { type Table } from 'dexie';
import { isQuotaError } from './errors';

// Asks the disk for room before a large write, without risking the history (docs/indexeddb-full-disk.md).
// Chromium keeps rows under 64 KB in its LevelDB: when the disk fills up under them it aborts with an IO error and
// deletes the site's whole IndexedDB. Larger values go to files of their own, which it refuses cleanly
// (QuotaExceededError) when they would not fit. So the room is tried with such values first, in a database of its
// own, and given back at once.

const CHUNK = 1 << 20; // 1 MiB a value: well above the 64 KB under which Chromium keeps a value in LevelDB
const CHUNKS_PER_WRITE = 4;

class RoomCheckDb extends Dexie {
  filler!: Table<{ id: number; data: Uint8Array }, number>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ filler: 'id' });
  }
}

/** Random, so no layer below can compress it into less room than it claims. */
function randomChunk(): Uint8Array {
  const data = new Uint8Array(CHUNK);
  for (let at = 0; at < CHUNK; at += 65536) crypto.getRandomValues(data.subarray(at, at + 65536));
  return data;
}

/** The room the rows made from `text` take, with margin for LevelDB's log and the search index. Chromium stores a
 * string of Latin-1 characters one byte a character, any other two (so one such character doubles the estimate). */
export function roomNeeded(text: string): number {
  const bytesPerChar = /[\u0100-\uffff]/.test(text) ? 2 : 1;
  return Math.ceil(text.length * bytesPerChar * 1.25) + 8 * CHUNK;
}

/**
 * True when `bytes` fit on the disk now: writes that much filler into the database `<dbName>-room` and deletes it
 * again whatever happens. False only when the filler was refused for want of room; other failures are thrown.
 */
export async function hasRoomFor(dbName: string, bytes: number): Promise<boolean> {
  const db = new RoomCheckDb(`${dbName}-room`);
  try {
    const chunks = Math.ceil(bytes / CHUNK);
    for (let written = 0; written < chunks; written += CHUNKS_PER_WRITE) {
      const rows = Array.from({ length: Math.min(CHUNKS_PER_WRITE, chunks - written) }, (_, i) => ({ id: written + i, data: randomChunk() }));
      await db.filler.bulkPut(rows);
    }
    return true;
  } catch (err) {
    if (isQuotaError(err)) return false;
    throw err;
  } finally {
    await db.filler.clear().catch(() => undefined); // the room is given back at once (measured: the files go with it)
    db.close();
  }
}
