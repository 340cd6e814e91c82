import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { createHarness, openRoomWith, resetPage, sendPrompt, settled, type Harness } from '../../support/room-harness';
import { getParleyDb } from '../../../../renderer/history/db/database';

// From main to the room to the database: images an answer streams reach its cell, and when the answer is stored
// they are rows of the images table, the answer's row naming them by id (no base64 in it).

let h: Harness;
beforeAll(() => {
  h = createHarness({ tokensPerSecond: 2000 });
});
beforeEach(() => resetPage());
afterEach(async () => {
  h.backend.streams!.stop();
  await settled(h);
  cleanup();
});

describe('images in the room', { timeout: 30_000 }, () => {
  it('shows the images an answer streams and stores them with the answer', async () => {
    openRoomWith(['test/painter']);
    await sendPrompt('draw two cats [image 2]');
    const cell = await screen.findByRole('article', { name: 'Answer from painter' }, { timeout: 5000 });
    const group = await within(cell).findByRole('group', { name: 'Images (2)' }, { timeout: 5000 });
    expect(within(group).getAllByRole('button', { name: /^Open image \d full size$/ })).toHaveLength(2);
    await settled(h);

    const db = getParleyDb();
    await waitFor(async () => expect(await db.images.count()).toBe(2));
    const answer = (await db.messages.toArray()).find((m) => m.role === 'assistant')!;
    expect(answer.images?.map((i) => i.id)).toEqual([`${answer.id}.img0`, `${answer.id}.img1`]);
    expect(answer.images?.every((i) => i.mime === 'image/png' && i.size > 0)).toBe(true);
    expect(JSON.stringify(answer)).not.toContain('base64');
    // the stored answer still shows its two images
    expect(within(cell).getByRole('group', { name: 'Images (2)' })).toBeTruthy();
  });
});
