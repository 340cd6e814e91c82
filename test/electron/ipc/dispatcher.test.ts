import { describe, it, expect, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../electron/vault/local-cipher';
import { BACKUP_PART_CHARS } from '../../../shared/contract/routes';

function backend() {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-backend-'));
  return createBackend({ dataDir, transport: 'host', version: '1.2.3', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
}

describe('route dispatch', () => {
  it('answers a valid call with the handler’s value', async () => {
    const b = backend();
    await expect(b.dispatch('app.info', {})).resolves.toMatchObject({
      ok: true,
      value: { name: 'Parley', version: '1.2.3', transport: 'host' },
    });
  });

  it('refuses unknown routes, including prototype names', async () => {
    const b = backend();
    for (const route of ['nope', '__proto__', 'constructor', 'toString', 42]) {
      const r = await b.dispatch(route, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
  });

  it('zod-parses every input before the handler runs and says what was wrong', async () => {
    const b = backend();
    const r = await b.dispatch('keys.set', { kind: 'carrier-pigeon', label: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad-request');
    expect(r.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['kind', 'label']));
    const extra = await b.dispatch('settings.update', { theme: 'dark', evil: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(b.settings.get().theme).toBe('system');
  });

  it('emits an event to every sink when state changes', async () => {
    const b = backend();
    const sink = vi.fn();
    b.hub.attach(sink);
    await b.dispatch('settings.update', { theme: 'dark' });
    expect(sink).toHaveBeenCalledWith('settings.changed', { theme: 'dark', localApiEnabled: false, localApiPort: 8788, localApiCorsOrigins: [], streamIdleTimeoutSeconds: 60, unknownCostCapMicros: 250_000, toolStepLimit: 10 });
  });

  it('changes only the settings a patch names', async () => {
    const b = backend();
    await b.dispatch('settings.update', { localApiEnabled: true, localApiPort: 0 });
    await b.dispatch('settings.update', { theme: 'dark' });
    expect(b.settings.get()).toMatchObject({ theme: 'dark', localApiEnabled: true, localApiPort: 0 });
    expect(b.localApi.status().running).toBe(true);
    await b.close();
  });

  it('does not open non-web links', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-backend-'));
    const openExternal = vi.fn(async () => {});
    const b = createBackend({ dataDir, transport: 'electron', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false, openExternal });
    await expect(b.dispatch('links.open', { url: 'file:///etc/passwd' })).resolves.toEqual({ ok: true, value: { opened: false } });
    await expect(b.dispatch('links.open', { url: 'https://example.com' })).resolves.toEqual({ ok: true, value: { opened: true } });
    expect(openExternal.mock.calls).toEqual([['https://example.com']]);
  });
});

describe('backup routes', () => {
  it('writes, lists and reads back today’s backup, and refuses other file names', async () => {
    const b = backend();
    const json = JSON.stringify({ format: 'parley-export', version: 1, conversations: [{ id: 'c1' }] });
    const written = await b.dispatch('backups.write', { json });
    expect(written).toMatchObject({ ok: true, value: { name: expect.stringMatching(/^parley-backup-\d{4}-\d{2}-\d{2}\.json$/) } });
    const name = (written as { value: { name: string } }).value.name;
    await expect(b.dispatch('backups.list', {})).resolves.toMatchObject({ ok: true, value: [{ name }] });
    await expect(b.dispatch('backups.read', { name })).resolves.toEqual({ ok: true, value: { json } });
    await expect(b.dispatch('backups.read', { name: '../keys.json' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await expect(b.dispatch('backups.write', { json: 'not json' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('takes a large backup in parts, in order, and writes the whole when the last arrives', async () => {
    const b = backend();
    const json = JSON.stringify({ format: 'parley-export', version: 1, conversations: [{ id: 'c1', text: 'é'.repeat(BACKUP_PART_CHARS * 2) }] });
    const parts = [json.slice(0, BACKUP_PART_CHARS), json.slice(BACKUP_PART_CHARS, 2 * BACKUP_PART_CHARS), json.slice(2 * BACKUP_PART_CHARS)];
    await expect(b.dispatch('backups.writePart', { upload: 'upload-one', index: 0, text: parts[0], last: false })).resolves.toEqual({ ok: true, value: { done: false, received: 1 } });
    await expect(b.dispatch('backups.writePart', { upload: 'upload-one', index: 1, text: parts[1], last: false })).resolves.toEqual({ ok: true, value: { done: false, received: 2 } });
    const written = await b.dispatch('backups.writePart', { upload: 'upload-one', index: 2, text: parts[2], last: true });
    expect(written).toMatchObject({ ok: true, value: { done: true, backup: { name: expect.stringMatching(/^parley-backup-/) } } });
    const name = (written as { value: { backup: { name: string } } }).value.backup.name;
    await expect(b.dispatch('backups.read', { name })).resolves.toEqual({ ok: true, value: { json } });

    // a part out of order ends that upload with a clear error; a part over the size is refused by the contract
    await b.dispatch('backups.writePart', { upload: 'upload-two', index: 0, text: parts[0], last: false });
    await expect(b.dispatch('backups.writePart', { upload: 'upload-two', index: 2, text: parts[2], last: true })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('start the backup again') } });
    await expect(b.dispatch('backups.writePart', { upload: 'upload-two', index: 1, text: parts[1], last: true })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await expect(b.dispatch('backups.writePart', { upload: 'upload-three', index: 0, text: 'x'.repeat(BACKUP_PART_CHARS + 1), last: true })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
