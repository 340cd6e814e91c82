import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { V7_STORES } from '../../../../../renderer/history/db/migrations/v7';
import { CURRENT_SCHEMA_VERSION } from '../../../../../renderer/history/db/migrations';
import { openParleyDb } from '../../../../../renderer/history/db/open';
import { NewerDatabaseError } from '../../../../../renderer/history/db/newer-version';
import { ParleyDb, setParleyDb } from '../../../../../renderer/history/db/database';
import { NewerDatabaseBanner } from '../../../../../renderer/history/storage/NewerDatabaseBanner';

// A history saved by a newer Parley is refused with a message that says why and what to do, and nothing in it is
// changed or lost.

const T0 = Date.UTC(2026, 0, 10, 9);
const NEWER = CURRENT_SCHEMA_VERSION + 5;
const MESSAGE = `Your conversations were saved by a newer version of Parley (storage version ${NEWER}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Parley to open them. Nothing was changed.`;

async function newerDatabase(): Promise<string> {
  const name = `parley-newer-${Math.random().toString(36).slice(2)}`;
  const future = new Dexie(name);
  future.version(NEWER).stores({ ...V7_STORES, somethingNew: 'id' });
  await future.open();
  await future.table('conversations').put({ id: 'c1', title: 'From the future', createdAt: T0, updatedAt: T0, columns: [] });
  await future.table('somethingNew').put({ id: 'x', value: 42 });
  future.close();
  return name;
}

async function rowsOf(name: string) {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return { verno: raw.verno, conv: await raw.table('conversations').get('c1'), extra: await raw.table('somethingNew').get('x') };
  } finally {
    raw.close();
  }
}

describe('a database newer than this code', () => {
  it('is refused on open with a clear message, and kept as it was', async () => {
    const name = await newerDatabase();
    const err = await openParleyDb({ name, onBeforeUpgrade: () => undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewerDatabaseError);
    expect((err as Error).message).toBe(MESSAGE);
    // opened directly (as the page does lazily) it is refused too: nothing can be read or written through it
    const direct = new ParleyDb(name);
    await expect(direct.open()).rejects.toMatchObject({ message: MESSAGE });
    await expect(direct.conversations.put({ id: 'c2', title: 'x', createdAt: T0, updatedAt: T0, columns: [], lastSeq: 0, headId: null, selection: {} })).rejects.toThrow();
    // every row kept; Dexie 4 may add the tables this code declares that the newer schema lacks (empty, additive), so
    // the version can only go up, never down
    const kept = await rowsOf(name);
    expect(kept).toEqual({ verno: expect.any(Number), conv: expect.objectContaining({ title: 'From the future' }), extra: { id: 'x', value: 42 } });
    expect(kept.verno).toBeGreaterThanOrEqual(NEWER);
  });

  it('the app says so in a banner', async () => {
    const name = await newerDatabase();
    setParleyDb(new ParleyDb(name));
    render(<NewerDatabaseBanner />);
    expect((await screen.findByRole('alert')).textContent).toBe(MESSAGE);
  });

  it('no banner for a database this code can open', async () => {
    setParleyDb(new ParleyDb(`parley-ok-${Math.random().toString(36).slice(2)}`));
    const { container } = render(<NewerDatabaseBanner />);
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).toBe('');
  });
});
