// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../support/history-db';
import { exportJson } from '../../../../renderer/history/transfer/formats/export-json';
import { importJson } from '../../../../renderer/history/transfer/formats/import-json';
import { createFolder, moveToFolder, setArchived } from '../../../../renderer/history/folders/folders-db';

// An export names each conversation's folder and says whether it is archived; an import on another device puts
// it back in a folder of that name (found case-insensitively, or created) and keeps it archived.

describe('folders and archive in export files', () => {
  it('round-trips folder, archive and title to a fresh database', async () => {
    await freshDb();
    const a = await newConversation('Trip notes');
    const b = await newConversation('Loose ends');
    const folder = await createFolder('Travel');
    await moveToFolder([a.id], folder.id);
    await setArchived([b.id], true);
    const json = await exportJson();
    const file = JSON.parse(json) as { conversations: Record<string, unknown>[] };
    const [ea, eb] = [file.conversations.find((c) => c.id === a.id)!, file.conversations.find((c) => c.id === b.id)!];
    expect(ea).toMatchObject({ title: 'Trip notes', folder: 'Travel' });
    expect(ea.folderId).toBeUndefined();
    expect(ea.archived).toBeUndefined();
    expect(eb).toMatchObject({ title: 'Loose ends', archived: true });
    expect(eb.folder).toBeUndefined();

    // another device, which already has a folder named "travel"
    const { db } = await freshDb();
    const existing = await createFolder('travel');
    const report = await importJson(json);
    expect(report.conversationIds).toHaveLength(2);
    expect(await db.folders.count()).toBe(1);
    expect(await db.conversations.get(a.id)).toMatchObject({ title: 'Trip notes', folderId: existing.id });
    expect((await db.conversations.get(a.id))!.archived).toBeUndefined();
    expect(await db.conversations.get(b.id)).toMatchObject({ title: 'Loose ends', archived: 1 });
    expect((await db.conversations.get(b.id))!.folderId).toBeUndefined();

    // and one with no such folder: it is created
    const fresh = (await freshDb()).db;
    await importJson(json);
    const created = await fresh.folders.toArray();
    expect(created.map((f) => f.name)).toEqual(['Travel']);
    expect((await fresh.conversations.get(a.id))!.folderId).toBe(created[0]!.id);
  });
});
