// @vitest-environment node
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { V7_STORES } from '../../../../../renderer/history/db/migrations/v7';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../../../renderer/history/db/migrations';
import { ParleyDb } from '../../../../../renderer/history/db/database';

// Version 9 adds the assistants table: a version 7 database opens with every row it had, and assistants are
// stored and read back.

const T0 = Date.UTC(2026, 2, 1, 9);

describe('schema version 9: assistants', () => {
  it('opens a real v7 database, keeps its rows, and stores an assistant', async () => {
    expect(SCHEMA_VERSIONS.some((v) => v.version === 9 && 'assistants' in v.stores)).toBe(true);
    const name = `parley-v7-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(7).stores(V7_STORES);
    await old.open();
    const columns = [{ id: 'a', model: 'openai/gpt-5', settings: { systemPrompt: 'Be brief.', temperature: 0.2 } }];
    await old.table('conversations').put({ id: 'c1', title: 'Cats', createdAt: T0, updatedAt: T0, columns, lastSeq: 1, headId: 'm1', selection: {}, blind: true });
    await old.table('messages').put({ id: 'm1', conversationId: 'c1', seq: 1, parentId: null, groupId: 'g1', columnId: null, role: 'user', content: 'Hello cats', status: 'done', createdAt: T0, updatedAt: T0 });
    await old.table('images').put({ id: 'img1', messageId: 'm2', conversationId: 'c1', mime: 'image/png', size: 3, blob: new Blob([new Uint8Array([1, 2, 3])]), createdAt: T0 });
    await old.table('settings').put({ key: 'room.modelSets', value: [{ id: 's', name: 'Set', columns: [], createdAt: T0 }], updatedAt: T0 });
    old.close();

    const db = new ParleyDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.conversations.get('c1')).toMatchObject({ title: 'Cats', columns, blind: true });
    expect(await db.messages.get('m1')).toMatchObject({ content: 'Hello cats' });
    expect(await db.images.get('img1')).toMatchObject({ size: 3 });
    expect(await db.settings.get('room.modelSets')).toMatchObject({ value: [{ name: 'Set' }] });

    await db.assistants.put({ id: 'asst_1', name: 'Reviewer', systemPrompt: 'Review code.', columns: [{ model: 'openai/gpt-5', settings: { temperature: 0.1 } }], blind: true, createdAt: T0, updatedAt: T0 });
    expect(await db.assistants.get('asst_1')).toMatchObject({ name: 'Reviewer', columns: [{ model: 'openai/gpt-5', settings: { temperature: 0.1 } }], blind: true });
    expect(await db.assistants.orderBy('updatedAt').count()).toBe(1);
    db.close();
    await Dexie.delete(name);
  });
});
