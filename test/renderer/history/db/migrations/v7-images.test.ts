// @vitest-environment node
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { V5_STORES } from '../../../../../renderer/history/db/migrations/v5';
import { CURRENT_SCHEMA_VERSION } from '../../../../../renderer/history/db/migrations';
import { ParleyDb } from '../../../../../renderer/history/db/database';

// Version 7 adds the images table: a version 5 database opens with every row it had, and images are stored as
// Blobs.

const T0 = Date.UTC(2026, 0, 10, 9);

describe('schema version 7: images', () => {
  it('opens a real v5 database, keeps its rows, and stores an image as a Blob', async () => {
    const name = `parley-v5-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(5).stores(V5_STORES);
    await old.open();
    await old.table('conversations').put({ id: 'c1', title: 'Cats', createdAt: T0, updatedAt: T0, pinned: false, columns: [] });
    await old.table('settings').put({ key: 'layout', value: { columnsWide: true }, updatedAt: T0 });
    old.close();

    const db = new ParleyDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
    expect(await db.conversations.get('c1')).toMatchObject({ title: 'Cats' });
    expect(await db.settings.get('layout')).toMatchObject({ value: { columnsWide: true } });

    const bytes = new Uint8Array([137, 80, 78, 71]);
    await db.images.put({ id: 'img1', messageId: 'm1', conversationId: 'c1', mime: 'image/png', size: bytes.length, blob: new Blob([bytes], { type: 'image/png' }), createdAt: T0 });
    const row = await db.images.get('img1');
    expect(row!.blob).toBeInstanceOf(Blob);
    expect(new Uint8Array(await row!.blob.arrayBuffer())).toEqual(bytes);
    expect(await db.images.where('conversationId').equals('c1').count()).toBe(1);
    db.close();
  });

});
