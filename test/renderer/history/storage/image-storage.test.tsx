import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { freshDb } from '../../support/history-db';
import { ImageStorageLine } from '../../../../renderer/history/storage/ImageStorageLine';

// Settings → Storage counts generated images: how many and how many bytes.

describe('image storage line', () => {
  it('counts the stored images and their bytes', async () => {
    const { db } = await freshDb();
    const row = (id: string, size: number) => ({ id, messageId: 'm1', conversationId: 'c1', mime: 'image/png', size, blob: new Blob([]), createdAt: 1 });
    await db.images.bulkPut([row('a', 2 * 1024 * 1024), row('b', 1024 * 1024)]);
    render(<ImageStorageLine />);
    expect((await screen.findByLabelText('Image storage')).textContent).toBe('Images: 2 images, 3.0 MB.');
  });

  it('says so when there are none', async () => {
    await freshDb();
    render(<ImageStorageLine />);
    expect((await screen.findByLabelText('Image storage')).textContent).toBe('Images: none stored.');
  });
});
