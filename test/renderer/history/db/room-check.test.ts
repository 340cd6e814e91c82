import { describe, it, expect, afterEach, vi } from 'vitest';
import Dexie from 'dexie';
import { hasRoomFor, roomNeeded } from '../../../../renderer/history/db/room-check';
import { importJson } from '../../../../renderer/history/transfer/formats/import-json';
import { freshDb } from '../../support/history-db';

const NAME = 'parley-room-check-test';

async function fillerRows(dbName: string): Promise<number> {
  const db = new Dexie(`${dbName}-room`);
  await db.open();
  const n = await db.table('filler').count();
  db.close();
  return n;
}

/** The disk as Chromium reports it when large values do not fit: their writes are refused with QuotaExceededError. */
function refuseFiller() {
  const put = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === 'filler') throw new DOMException('', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('asking the disk for room', () => {
  it('finds room, and gives it back', async () => {
    expect(await hasRoomFor(NAME, 3.5 * 2 ** 20)).toBe(true);
    expect(await fillerRows(NAME)).toBe(0);
  });

  it('says no when the room is refused, and leaves nothing behind', async () => {
    refuseFiller();
    expect(await hasRoomFor(NAME, 2 ** 20)).toBe(false);
    vi.restoreAllMocks();
    expect(await fillerRows(NAME)).toBe(0);
  });

  it('wants the text, a quarter more, and 8 MB; text beyond Latin-1 takes two bytes a character', () => {
    expect(roomNeeded('é'.repeat(4_000_000))).toBe(5_000_000 + 8 * 2 ** 20);
    expect(roomNeeded(`${'a'.repeat(3_999_999)}中`)).toBe(10_000_000 + 8 * 2 ** 20);
  });

  it('an import without room is refused before anything is written, saying how much room it needs', async () => {
    const { db } = await freshDb();
    refuseFiller();
    const file = {
      format: 'parley-export',
      version: 1,
      conversations: [{
        id: 'conv_room', title: 'No room', createdAt: 1, updatedAt: 2, columns: [{ id: 'c1', model: 'x/y', settings: {} }],
        messages: [{ id: 'm1', seq: 1, parentId: null, columnId: null, role: 'user', content: 'a question', status: 'done', createdAt: 1, updatedAt: 1 }],
      }],
    };
    await expect(importJson(JSON.stringify(file))).rejects.toThrow(
      /^Import failed because there is not enough disk space: it needs about 9 MB free\. Nothing was imported\. Free some disk space/,
    );
    expect(await db.conversations.count()).toBe(0);
    expect(await db.messages.count()).toBe(0);
  });
});
