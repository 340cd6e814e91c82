import { getSetting, listConversations, setSetting } from '../db';
import { exportJson } from '../transfer/formats/export-json';
import { writeBackupInParts } from './write-backup';

// The daily automatic backup: the conversations changed since the previous day's backup, handed to main, which
// writes them atomically into the data directory and keeps the last 14 days. Several runs on one day rewrite that
// day's file with the same starting point, so a later run never holds less than an earlier one.

const STATE_KEY = 'backup.state';
const HOUR = 3_600_000;

interface BackupState {
  day: string; // YYYY-MM-DD of the last run
  since: number; // changes after this time went into that day's file
  ranAt: number;
}

const dayOf = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export type BackupRun = { written: false; reason: string } | { written: true; name: string; conversations: number };

export async function runBackup(now = Date.now()): Promise<BackupRun> {
  const state = (await getSetting<BackupState>(STATE_KEY)) ?? null;
  const today = dayOf(now);
  const since = state === null ? 0 : state.day === today ? state.since : state.ranAt;
  const conversations = await listConversations();
  if (state && !conversations.some((c) => c.updatedAt > state.ranAt)) return { written: false, reason: 'nothing changed since the last backup' };
  const changed = conversations.filter((c) => c.updatedAt > since).map((c) => c.id);
  if (changed.length === 0) return { written: false, reason: 'nothing changed since the last backup' };
  const json = await exportJson(changed);
  const info = await writeBackupInParts(json);
  await setSetting(STATE_KEY, { day: today, since, ranAt: now } satisfies BackupState);
  return { written: true, name: info.name, conversations: changed.length };
}

/** Runs a backup soon after start and then every few hours while Parley is open. */
export function startBackupScheduler(opts: { firstDelayMs?: number; everyMs?: number } = {}): () => void {
  const tick = () => void runBackup().catch((err: Error) => console.warn(`automatic backup failed: ${err.message}`));
  const first = setTimeout(tick, opts.firstDelayMs ?? 30_000);
  const every = setInterval(tick, opts.everyMs ?? 6 * HOUR);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
