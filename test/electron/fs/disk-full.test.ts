import { afterEach, describe, expect, it, vi } from 'vitest';
import * as realFs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A full disk, simulated where it happens: the write of a file's bytes fails with ENOSPC after half of them reached
// the (temporary) file. Everything else is the real file system.
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  const failing = <F extends (...args: never[]) => unknown>(real: F): F =>
    ((...args: Parameters<F>) => {
      if (disk.full) {
        const [target, data] = args as unknown as [number | string, string];
        const half = String(data).slice(0, String(data).length >> 1);
        if (typeof target === 'number') fs.writeSync(target, half);
        else real(...([target, half] as unknown as Parameters<F>)); // the file is created, then the disk runs out
        throw enospc();
      }
      return real(...args);
    }) as F;
  const writeFileSync = failing(fs.writeFileSync);
  const appendFileSync = failing(fs.appendFileSync);
  return { ...fs, default: { ...fs, writeFileSync, appendFileSync }, writeFileSync, appendFileSync };
});

const { writeFileAtomic } = await import('../../../electron/fs/write-file-atomic');
const { createSettingsStore } = await import('../../../electron/backend/settings-store');
const { createBackend } = await import('../../../electron/backend/create-backend');
const { createLocalCipher } = await import('../../../electron/vault/local-cipher');
const { createGenerationJournal } = await import('../../../electron/backend/generation-journal');

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'parley-diskfull-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  disk.full = false;
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Every file under `dir`, relative. */
const filesUnder = (dir: string): string[] =>
  (realFs.readdirSync(dir, { recursive: true, withFileTypes: true }) as realFs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('a full disk', () => {
  it('writeFileAtomic leaves the old file whole and removes its temporary file', () => {
    const dir = tempDir();
    const file = join(dir, 'settings.json');
    writeFileAtomic(file, '{"theme":"dark"}');
    disk.full = true;
    expect(() => writeFileAtomic(file, '{"theme":"light","more":"x"}')).toThrow(/ENOSPC/);
    expect(readFileSync(file, 'utf8')).toBe('{"theme":"dark"}');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('settings change in memory only after they were written', () => {
    const dir = tempDir();
    const store = createSettingsStore(dir);
    store.update({ theme: 'dark' });
    disk.full = true;
    expect(() => store.update({ theme: 'light' })).toThrow(/ENOSPC/);
    expect(store.get().theme).toBe('dark');
    disk.full = false;
    expect(createSettingsStore(dir).get().theme).toBe('dark');
  });

  it('keys.set and settings.update say the disk is full, list only what was saved and leave no temp files', async () => {
    const dir = tempDir();
    const backend = createBackend({ dataDir: dir, transport: 'host', version: 't', cipher: createLocalCipher(dir), env: {}, detectLocalServers: false });
    const saved = await backend.dispatch('keys.set', { kind: 'anthropic', label: 'Saved', apiKey: 'sk-ant-saved-key-000000' });
    expect(saved.ok).toBe(true);
    const before = filesUnder(dir);

    disk.full = true;
    const key = await backend.dispatch('keys.set', { kind: 'openrouter', label: 'Never saved', apiKey: 'sk-or-v1-never-saved-111111' });
    expect(key).toEqual({ ok: false, error: { code: 'unavailable', message: 'The disk is full: the key could not be saved. Free some space and try again.' } });
    const settings = await backend.dispatch('settings.update', { theme: 'dark' });
    expect(settings).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^The disk is full: the settings could not be saved/) } });
    const removed = await backend.dispatch('keys.remove', { id: (saved as { value: { id: string } }).value.id });
    expect(removed).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    const list = await backend.dispatch('keys.list', {});
    expect((list as { value: { label: string }[] }).value.map((k) => k.label)).toEqual(['Saved']);
    expect(await backend.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { theme: 'system' } });
    expect(filesUnder(dir)).toEqual(before);
    await backend.close();
  });

  it('a ledger line the disk had no room for does not take the next one with it', () => {
    const dir = tempDir();
    const journal = createGenerationJournal(dir);
    const rec = (id: string) => ({ id }) as Parameters<typeof journal.record>[0];
    journal.record(rec('gen-1'));
    disk.full = true;
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    journal.record(rec('gen-2')); // half a line reaches the file
    disk.full = false;
    journal.record(rec('gen-3'));
    expect(journal.since(0).map((e) => e.kind === 'record' && e.record.id)).toEqual(['gen-1', 'gen-2', 'gen-3']);
    const reopened = createGenerationJournal(dir);
    expect(reopened.since(0).map((e) => e.kind === 'record' && e.record.id)).toEqual(['gen-1', 'gen-3']);
  });

  it('a generated local-API token that cannot be written is reported, not half-kept', async () => {
    const dir = tempDir();
    const backend = createBackend({ dataDir: dir, transport: 'host', version: 't', cipher: createLocalCipher(dir), env: {}, detectLocalServers: false });
    disk.full = true;
    await backend.localApi.set(true, 0);
    expect(backend.localApi.status()).toMatchObject({ running: false, error: expect.stringMatching(/^The disk is full: the local API token could not be saved/) });
    expect(readdirSync(dir).filter((f) => f.includes('local-api-token'))).toEqual([]);
    await backend.close();
  });
});
