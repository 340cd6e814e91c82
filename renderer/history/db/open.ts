import Dexie from 'dexie';
import { DEFAULT_DB_NAME, ParleyDb, setParleyDb } from './database';
import { CURRENT_SCHEMA_VERSION } from './migrations';
import { bytesToBase64 } from './base64';
import { explainOpenError, newerDatabaseProblem } from './newer-version';

// Opening the history, with a copy of the old data taken before any schema upgrade runs (the app hands it to
// the main process, which writes it next to the rolling backups). If that copy cannot be made, the upgrade does
// not run and the error is returned, so a failed migration can never take the only copy with it.

export interface UpgradeSnapshot {
  fromVersion: number;
  toVersion: number;
  /** every table's rows as stored by the old version */
  tables: Record<string, unknown[]>;
}

export interface OpenOptions {
  name?: string;
  onBeforeUpgrade?: (snapshot: UpgradeSnapshot) => Promise<void> | void;
}

export async function openParleyDb(opts: OpenOptions = {}): Promise<ParleyDb> {
  const name = opts.name ?? DEFAULT_DB_NAME;
  const newer = await newerDatabaseProblem(name);
  if (newer) throw newer;
  if (opts.onBeforeUpgrade && (await Dexie.exists(name))) {
    const probe = new Dexie(name); // no versions declared: opens whatever version is installed, unchanged
    await probe.open();
    try {
      if (probe.verno < CURRENT_SCHEMA_VERSION) {
        const tables: Record<string, unknown[]> = {};
        for (const t of probe.tables) tables[t.name] = await withBlobBytes(await t.toArray());
        probe.close();
        await opts.onBeforeUpgrade({ fromVersion: probe.verno, toVersion: CURRENT_SCHEMA_VERSION, tables });
      }
    } finally {
      probe.close();
    }
  }
  const db = new ParleyDb(name);
  try {
    await db.open();
  } catch (err) {
    throw await explainOpenError(err, name);
  }
  return setParleyDb(db);
}

/** Rows with their Blob fields (generated images) read into ArrayBuffers, so the snapshot keeps their bytes. */
async function withBlobBytes(rows: unknown[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const row of rows) {
    if (!row || typeof row !== 'object' || !Object.values(row).some((v) => v instanceof Blob)) {
      out.push(row);
      continue;
    }
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const [k, v] of Object.entries(copy)) if (v instanceof Blob) copy[k] = await v.arrayBuffer();
    out.push(copy);
  }
  return out;
}

/** JSON text of a snapshot; binary values (attachments) become { "$base64": "…" }. */
export function serializeUpgradeSnapshot(snapshot: UpgradeSnapshot): string {
  return JSON.stringify({ format: 'parley-raw-snapshot', ...snapshot }, (_key, value: unknown) => {
    if (Object.prototype.toString.call(value) === '[object ArrayBuffer]') return { $base64: bytesToBase64(value as ArrayBuffer) };
    if (ArrayBuffer.isView(value)) return { $base64: bytesToBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice().buffer) };
    return value;
  });
}
