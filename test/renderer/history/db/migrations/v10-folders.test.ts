// @vitest-environment node
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { V7_STORES } from '../../../../../renderer/history/db/migrations/v7';
import { CURRENT_SCHEMA_VERSION } from '../../../../../renderer/history/db/migrations';
import { closeParleyDb, ParleyDb, setParleyDb } from '../../../../../renderer/history/db/database';
import { listConversations } from '../../../../../renderer/history/db/conversations';
import { createFolder, deleteFolder, moveToFolder, restoreFolder, setArchived } from '../../../../../renderer/history/folders/folders-db';

// Version 10 adds folders and archive: a version 7 database opens with every row it had, its conversations in no
// folder and not archived, and the new indexes answer for rows written afterwards.

const T0 = Date.UTC(2026, 0, 10, 9);

afterEach(() => closeParleyDb());

async function v7Database() {
  const name = `parley-v7-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  old.version(7).stores(V7_STORES);
  await old.open();
  await old.table('conversations').bulkPut([
    { id: 'c1', title: 'Cats', createdAt: T0, updatedAt: T0, columns: [], lastSeq: 0, headId: null, selection: {}, pinned: true },
    { id: 'c2', title: 'Dogs', createdAt: T0, updatedAt: T0 + 1, columns: [], lastSeq: 0, headId: null, selection: {} },
  ]);
  await old.table('messages').put({ id: 'm1', conversationId: 'c1', seq: 1, parentId: null, columnId: null, role: 'user', content: 'hi', status: 'done', groupId: 'g', createdAt: T0, updatedAt: T0 });
  await old.table('settings').put({ key: 'layout', value: { columnsWide: true }, updatedAt: T0 });
  old.close();
  return name;
}

describe('schema version 10: folders and archive', () => {
  it('opens a real v7 database, keeps its rows, and puts every conversation in no folder, not archived', async () => {
    const db = setParleyDb(new ParleyDb(await v7Database()));
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThanOrEqual(10);
    expect(await db.conversations.get('c1')).toMatchObject({ title: 'Cats', pinned: true });
    expect(await db.messages.get('m1')).toMatchObject({ content: 'hi' });
    expect(await db.settings.get('layout')).toMatchObject({ value: { columnsWide: true } });
    expect(await db.folders.count()).toBe(0);
    for (const c of await db.conversations.toArray()) {
      expect(c.folderId).toBeUndefined();
      expect(c.archived).toBeUndefined();
    }
    expect(await db.conversations.where('archived').equals(1).count()).toBe(0);
    expect(await db.conversations.where('folderId').notEqual('').count()).toBe(0);
  });

  it('moves, archives, deletes a folder and undoes it, leaving updatedAt alone', async () => {
    const db = setParleyDb(new ParleyDb(await v7Database()));
    await db.open();
    const work = await createFolder('  Work   stuff ');
    expect(work.name).toBe('Work stuff');
    await expect(createFolder('work STUFF')).rejects.toThrow('A folder named “work STUFF” already exists.');
    await expect(createFolder('   ')).rejects.toThrow('A folder needs a name.');

    await moveToFolder(['c1', 'c2'], work.id);
    expect((await db.conversations.where('folderId').equals(work.id).toArray()).map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    await setArchived(['c2'], true);
    expect((await db.conversations.where('archived').equals(1).toArray()).map((c) => c.id)).toEqual(['c2']);
    expect((await db.conversations.get('c1'))!.updatedAt).toBe(T0);

    const deleted = await deleteFolder(work.id);
    expect(deleted.conversationIds.sort()).toEqual(['c1', 'c2']);
    expect(await db.folders.count()).toBe(0);
    expect((await listConversations()).map((c) => c.folderId)).toEqual([undefined, undefined]);

    await restoreFolder(deleted);
    expect(await db.folders.get(work.id)).toMatchObject({ name: 'Work stuff' });
    expect(await db.conversations.where('folderId').equals(work.id).count()).toBe(2);
    expect((await db.conversations.get('c2'))!.archived).toBe(1);
  });
});
