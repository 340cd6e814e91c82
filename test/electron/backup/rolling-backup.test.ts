import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupContentError, BackupNameError, listBackups, readBackup, writeBackup } from '../../../electron/backup';

const dirs: string[] = [];
function dataDir() {
  const d = mkdtempSync(join(tmpdir(), 'parley-backup-test-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const day = (d: number, h = 12) => new Date(2025, 0, d, h, 30); // local time
const exportOf = (n: number) => ({ format: 'parley-export', version: 1, conversations: Array.from({ length: n }, (_, i) => ({ id: `c${i}` })) });

describe('rolling backup', () => {
  it('writes <dataDir>/backups/parley-backup-YYYY-MM-DD.json (local date) and reads it back', async () => {
    const dir = dataDir();
    const info = await writeBackup(dir, exportOf(2), day(5, 23));
    expect(info.name).toBe('parley-backup-2025-01-05.json');
    expect(info.date).toBe('2025-01-05');
    expect(JSON.parse(readFileSync(join(dir, 'backups', info.name), 'utf8'))).toEqual(exportOf(2));
    expect(JSON.parse(await readBackup(dir, info.name))).toEqual(exportOf(2));
    expect(statSync(join(dir, 'backups', info.name)).size).toBe(info.sizeBytes);
  });

  it('keeps at most one backup per day: a later one the same day replaces it', async () => {
    const dir = dataDir();
    await writeBackup(dir, exportOf(1), day(5, 9));
    await writeBackup(dir, JSON.stringify(exportOf(3)), day(5, 18));
    const list = await listBackups(dir);
    expect(list.map((b) => b.name)).toEqual(['parley-backup-2025-01-05.json']);
    expect(JSON.parse(await readBackup(dir, list[0]!.name)).conversations).toHaveLength(3);
    // no temp files left behind
    expect(readdirSync(join(dir, 'backups'))).toEqual(['parley-backup-2025-01-05.json']);
  });

  it('keeps the newest N days (default 14) and lists newest first', async () => {
    const dir = dataDir();
    for (let d = 1; d <= 20; d++) await writeBackup(dir, exportOf(d), day(d));
    const list = await listBackups(dir);
    expect(list).toHaveLength(14);
    expect(list[0]!.name).toBe('parley-backup-2025-01-20.json');
    expect(list.at(-1)!.name).toBe('parley-backup-2025-01-07.json');
    await writeBackup(dir, exportOf(1), day(21), { keep: 3 });
    expect((await listBackups(dir)).map((b) => b.date)).toEqual(['2025-01-21', '2025-01-20', '2025-01-19']);
  });

  it('a failed write never replaces a good backup, and stale temp files are cleaned', async () => {
    const dir = dataDir();
    await writeBackup(dir, exportOf(2), day(5));
    await expect(writeBackup(dir, 'not json at all', day(5))).rejects.toThrow(/not JSON/);
    expect(JSON.parse(await readBackup(dir, 'parley-backup-2025-01-05.json')).conversations).toHaveLength(2);
    const stale = join(dir, 'backups', '.parley-backup-deadbeef.tmp');
    writeFileSync(stale, '{"half":');
    const old = (Date.now() - 2 * 3_600_000) / 1000;
    utimesSync(stale, old, old);
    await writeBackup(dir, exportOf(1), day(6));
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(['parley-backup-2025-01-05.json', 'parley-backup-2025-01-06.json']);
  });

  it('refuses text that is not a Parley export before it replaces today\'s good backup', async () => {
    const dir = dataDir();
    const good = await writeBackup(dir, exportOf(2), day(5, 9));
    const goodText = readFileSync(join(dir, 'backups', good.name), 'utf8');
    const garbage = [
      '{}', '{"hello":"world"}', '{ not json }', '[]', 'null', '"text"',
      JSON.stringify({ format: 'other-app', version: 1, conversations: [] }),
      JSON.stringify({ format: 'parley-export', conversations: [] }),
      JSON.stringify({ format: 'parley-export', version: 1 }),
      JSON.stringify({ format: 'parley-export', version: 1, conversations: [{ title: 'no id' }] }),
    ];
    for (const text of garbage) await expect(writeBackup(dir, text, day(5, 18))).rejects.toThrow(BackupContentError);
    expect(readFileSync(join(dir, 'backups', good.name), 'utf8')).toBe(goodText);
    expect(readdirSync(join(dir, 'backups'))).toEqual([good.name]);
  });

  it('a later backup the same day keeps the conversations only the earlier one held', async () => {
    const dir = dataDir();
    await writeBackup(dir, exportOf(3), day(5, 9)); // c0 c1 c2
    const other = { format: 'parley-export', version: 1, conversations: [{ id: 'c1', title: 'newer' }, { id: 'c9' }] };
    await writeBackup(dir, other, day(5, 18)); // e.g. from a fresh browser profile
    const kept = JSON.parse(await readBackup(dir, 'parley-backup-2025-01-05.json')) as { conversations: { id: string; title?: string }[] };
    expect(kept.conversations.map((c) => c.id)).toEqual(['c1', 'c9', 'c0', 'c2']);
    expect(kept.conversations[0]!.title).toBe('newer');
  });

  it('readBackup refuses anything but a backup file name (no path traversal)', async () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'secret.json'), '{"key":"x"}');
    for (const bad of ['../secret.json', '..\\secret.json', '/etc/passwd', 'parley-backup-2025-01-05.json/../../secret.json', 'parley-backup-2025-1-5.json', '', 'parley-backup-2025-01-05.json\0']) {
      await expect(readBackup(dir, bad)).rejects.toThrow(BackupNameError);
    }
    await expect(readBackup(dir, 'parley-backup-2025-01-05.json')).rejects.toThrow(/ENOENT/);
    expect(await listBackups(dataDir())).toEqual([]);
  });
});
