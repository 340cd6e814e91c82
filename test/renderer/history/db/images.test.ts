// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { freshDb, newConversation } from '../../support/history-db';
import { appendUserMessage, createAssistantMessage, finalizeAssistantMessage, getMessage } from '../../../../renderer/history/db/messages';
import { deleteConversation, purgeConversation } from '../../../../renderer/history/db/deletion';
import { getImageBlob, imageUsage } from '../../../../renderer/history/db/images';
import { deleteMessageTree } from '../../../../renderer/chat/state/delete-messages';

// Generated images are stored as Blobs in their own table when the answer is stored; the answer's row keeps only
// their refs (never base64 text); they go with their message or conversation and come back with an undo.

const PNG = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3]);
const JPEG = Uint8Array.from([255, 216, 255, 224, 0, 16, 74, 70, 73, 70]);
const dataUrl = (mime: string, bytes: Uint8Array) => `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;

async function answerWithImages() {
  const conv = await newConversation('pictures');
  const u = await appendUserMessage(conv.id, { content: 'draw a cat' });
  const a = await createAssistantMessage(conv.id, { parentId: u.id, columnId: 'colA', model: { requested: 'google/gemini-2.5-flash-image' } });
  const outcome = { status: 'done' as const, content: 'Here is a cat.', images: [dataUrl('image/png', PNG), dataUrl('image/jpeg', JPEG)] };
  await finalizeAssistantMessage(a.id, outcome);
  return { conv, u, a, outcome };
}

describe('stored images', () => {
  it('stores each image as a Blob with its bytes; the message row refers to them by id and holds no base64', async () => {
    const { db } = await freshDb();
    const { conv, a } = await answerWithImages();
    const row = (await getMessage(a.id))!;
    expect(row.images).toEqual([
      { id: `${a.id}.img0`, mime: 'image/png', size: PNG.length },
      { id: `${a.id}.img1`, mime: 'image/jpeg', size: JPEG.length },
    ]);
    expect(JSON.stringify(row)).not.toContain('base64');
    expect(row.content).toBe('Here is a cat.');

    const png = await getImageBlob(row.images![0]!.id);
    expect(png).toBeInstanceOf(Blob);
    expect(png!.type).toBe('image/png');
    expect(new Uint8Array(await png!.arrayBuffer())).toEqual(PNG);
    expect(new Uint8Array(await (await getImageBlob(row.images![1]!.id))!.arrayBuffer())).toEqual(JPEG);
    expect(await db.images.where('conversationId').equals(conv.id).count()).toBe(2);
    expect(await imageUsage()).toEqual({ count: 2, bytes: PNG.length + JPEG.length });
  });

  it('a final write stored again (a retry) puts the same rows, not copies', async () => {
    const { db } = await freshDb();
    const { a, outcome } = await answerWithImages();
    await finalizeAssistantMessage(a.id, outcome);
    expect(await db.images.count()).toBe(2);
  });

  it('go with their message, survive a conversation delete that is undone, and go when it is purged', async () => {
    const { db } = await freshDb();
    const first = await answerWithImages();
    const second = await answerWithImages();
    await deleteMessageTree(first.conv.id, first.u.id);
    expect(await db.images.where('messageId').equals(first.a.id).count()).toBe(0);

    const handle = await deleteConversation(second.conv.id, { undoMs: 60_000 });
    expect(await handle.undo()).toBe(true);
    expect(await getImageBlob(`${second.a.id}.img0`)).toBeInstanceOf(Blob);
    await purgeConversation(second.conv.id);
    expect(await db.images.count()).toBe(0);
    expect(await imageUsage()).toEqual({ count: 0, bytes: 0 });
  });
});
