// @vitest-environment node
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { V1_STORES } from '../../../../renderer/history/db/migrations/v1';
import { closeParleyDb, CURRENT_SCHEMA_VERSION, serializeUpgradeSnapshot, startHistory, storageEstimate, requestPersistentStorage, getMessage, type UpgradeSnapshot } from '../../../../renderer/history/db';

async function writeV1(name: string) {
  const old = new Dexie(name);
  old.version(1).stores(V1_STORES);
  await old.open();
  await old.table('conversations').put({ id: 'conv_1', title: 'old', createdAt: 1, updatedAt: 2, columns: [{ id: 'c', model: 'a/b', settings: {} }] });
  await old.table('messages').bulkPut([
    { id: 'u1', conversationId: 'conv_1', parentId: null, columnId: null, role: 'user', content: 'before the upgrade', status: 'done', createdAt: 1, updatedAt: 1 },
    { id: 'a1', conversationId: 'conv_1', parentId: 'u1', columnId: 'c', role: 'assistant', content: 'half an ans', status: 'streaming', createdAt: 2, updatedAt: 2 },
  ]);
  await old.table('attachments').put({ id: 'att', messageId: 'u1', conversationId: 'conv_1', name: 'x.bin', mime: 'application/octet-stream', size: 2, blob: new Uint8Array([7, 9]).buffer });
  old.close();
}

describe('startHistory', () => {
  it('snapshots a v1 database before upgrading, then recovers interrupted answers', async () => {
    closeParleyDb();
    const name = `parley-start-${Math.random().toString(36).slice(2)}`;
    await writeV1(name);
    const snapshots: UpgradeSnapshot[] = [];
    const started = await startHistory({ name, onBeforeUpgrade: (s) => void snapshots.push(s) });
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ fromVersion: 1, toVersion: CURRENT_SCHEMA_VERSION });
    expect(snapshots[0]!.tables.messages).toHaveLength(2);
    const json = JSON.parse(serializeUpgradeSnapshot(snapshots[0]!));
    expect(json.tables.attachments[0].blob).toEqual({ $base64: btoa(String.fromCharCode(7, 9)) });
    expect(started.db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(started.recovered.map((m) => m.id)).toEqual(['a1']);
    expect(await getMessage('a1')).toMatchObject({ status: 'interrupted', content: 'half an ans' });
    started.stop();
    closeParleyDb();
    // already current: no snapshot the second time
    await startHistory({ name, onBeforeUpgrade: (s) => void snapshots.push(s) });
    expect(snapshots).toHaveLength(1);
  });

  it('does not upgrade when the snapshot cannot be taken', async () => {
    closeParleyDb();
    const name = `parley-start-${Math.random().toString(36).slice(2)}`;
    await writeV1(name);
    await expect(startHistory({ name, onBeforeUpgrade: () => { throw new Error('disk full'); } })).rejects.toThrow('disk full');
    const probe = new Dexie(name);
    await probe.open();
    expect(probe.verno).toBe(1);
    probe.close();
  });

  it('storage helpers report unknowns instead of failing where the API is missing', async () => {
    expect(await requestPersistentStorage()).toBe(false);
    expect(await storageEstimate()).toEqual({ usageBytes: null, quotaBytes: null, freeBytes: null, persisted: null });
  });
});
