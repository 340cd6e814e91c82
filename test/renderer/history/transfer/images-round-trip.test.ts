// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage, listAllMessages } from '../../../../renderer/history/db/messages';
import { purgeConversation } from '../../../../renderer/history/db/deletion';
import { getImageBlob } from '../../../../renderer/history/db/images';
import { exportJson } from '../../../../renderer/history/transfer/formats/export-json';
import { importJson } from '../../../../renderer/history/transfer/formats/import-json';
import type { ParleyExport } from '../../../../renderer/history/transfer/formats/export-format';

// Generated images leave in an export (base64 with their type and size, docs/export-format.md "Images") and come
// back as Blobs on import; a corrupt image entry is left out with a clear warning and nothing else is lost.

const PNG = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
const WEBP = Uint8Array.from({ length: 41 }, (_, i) => 255 - i);
const dataUrl = (mime: string, bytes: Uint8Array) => `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
const bytesOf = async (id: string) => new Uint8Array(await (await getImageBlob(id))!.arrayBuffer());

async function roomWithImages() {
  const conv = await newConversation('pictures');
  const u = await appendUserMessage(conv.id, { content: 'draw two cats' });
  const a = await createAssistantMessage(conv.id, { parentId: u.id, columnId: 'colA', model: { requested: 'google/gemini-2.5-flash-image' } });
  await finalizeAssistantMessage(a.id, { status: 'done', content: 'Two cats.', images: [dataUrl('image/png', PNG), dataUrl('image/webp', WEBP)] });
  return { conv, a };
}

describe('images in exports', () => {
  it('export → import gives back every image, byte for byte, referred to by its answer', async () => {
    await freshDb();
    const { conv, a } = await roomWithImages();
    const json = await exportJson([conv.id]);
    const file = JSON.parse(json) as ParleyExport;
    expect(file.conversations[0]!.images).toEqual([
      { id: `${a.id}.img0`, messageId: a.id, mime: 'image/png', size: PNG.length, data: Buffer.from(PNG).toString('base64') },
      { id: `${a.id}.img1`, messageId: a.id, mime: 'image/webp', size: WEBP.length, data: Buffer.from(WEBP).toString('base64') },
    ]);
    expect(JSON.stringify(file.conversations[0]!.messages)).not.toContain('base64');

    await purgeConversation(conv.id);
    expect(await getImageBlob(`${a.id}.img0`)).toBeUndefined();
    const report = await importJson(json);
    expect(report.warnings).toEqual([]);
    const row = (await getMessage(a.id))!;
    expect(row.images).toEqual([
      { id: `${a.id}.img0`, mime: 'image/png', size: PNG.length },
      { id: `${a.id}.img1`, mime: 'image/webp', size: WEBP.length },
    ]);
    expect(await bytesOf(row.images![0]!.id)).toEqual(PNG);
    expect(await bytesOf(row.images![1]!.id)).toEqual(WEBP);
    expect((await getImageBlob(row.images![1]!.id))!.type).toBe('image/webp');
  });

  it('a copy of a conversation already here gets images of its own', async () => {
    const { db } = await freshDb();
    const { conv } = await roomWithImages();
    const report = await importJson(await exportJson([conv.id]), { mode: 'copy' });
    const copyId = report.conversationIds[0]!;
    expect(copyId).not.toBe(conv.id);
    const answer = (await listAllMessages(copyId)).find((m) => m.role === 'assistant')!;
    expect(answer.images).toHaveLength(2);
    expect(await bytesOf(answer.images![0]!.id)).toEqual(PNG);
    expect(await db.images.count()).toBe(4);
    expect(await db.images.where('conversationId').equals(copyId).count()).toBe(2);
  });

  it('a corrupt image is left out with a warning that names it; the conversation and the other image are imported', async () => {
    const { db } = await freshDb();
    const { conv, a } = await roomWithImages();
    const file = JSON.parse(await exportJson([conv.id])) as ParleyExport;
    await purgeConversation(conv.id);
    file.conversations[0]!.images![0]!.data = 'not*base64!';
    file.conversations[0]!.images![1]!.size = 999;
    const report = await importJson(JSON.stringify(file));
    expect(report.conversationIds).toEqual([conv.id]);
    expect(report.warnings).toEqual([
      `conversations[0]: image ${a.id}.img0 could not be imported (its data is not valid base64); it was left out, everything else was imported`,
      `conversations[0]: image ${a.id}.img1 could not be imported (it holds ${WEBP.length} bytes where the file says 999); it was left out, everything else was imported`,
    ]);
    const row = (await getMessage(a.id))!;
    expect(row.content).toBe('Two cats.');
    expect(row.images).toBeUndefined();
    expect(await db.images.count()).toBe(0);

    // one good image next to a bad one: the good one is kept
    await purgeConversation(conv.id);
    file.conversations[0]!.images![1]!.size = WEBP.length;
    const again = await importJson(JSON.stringify(file));
    expect(again.warnings).toHaveLength(1);
    const kept = (await getMessage(a.id))!;
    expect(kept.images).toEqual([{ id: `${a.id}.img1`, mime: 'image/webp', size: WEBP.length }]);
    expect(await bytesOf(`${a.id}.img1`)).toEqual(WEBP);
  });
});
