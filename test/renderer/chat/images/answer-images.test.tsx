import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AnswerImages } from '../../../../renderer/chat/images/AnswerImages';
import { imageFileName } from '../../../../renderer/chat/images/image-file';
import { FAKE_PNG } from '../../../e2e/support/fake-chat-engine';

// Generated images in an answer: shown as they arrive, opened full size in a dialog that Escape closes (focus goes
// back to the button that opened it), copied to the clipboard as PNG and saved as parley-<model>-<n>.png.

const WHO = 'google/gemini-2.5-flash-image';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('answer images', () => {
  it('shows each streamed image with Open, Copy and Save buttons that have names and tooltips', () => {
    render(<AnswerImages messageId="m1" live={[FAKE_PNG, FAKE_PNG]} who={WHO} />);
    const group = screen.getByRole('group', { name: 'Images (2)' });
    const imgs = within(group).getAllByRole('img');
    expect(imgs.map((i) => i.getAttribute('alt'))).toEqual([`Image 1 from ${WHO}`, `Image 2 from ${WHO}`]);
    expect(imgs[0]!.getAttribute('src')).toBe(FAKE_PNG);
    const buttons = within(group).getAllByRole('button').slice(0, 3);
    expect(buttons.map((b) => [b.getAttribute('aria-label'), b.getAttribute('title')])).toEqual([
      ['Open image 1 full size', 'Open'],
      ['Copy image 1', 'Copy'],
      ['Save image 1', 'Save'],
    ]);
  });

  it('opens an image full size; Escape closes it and focus returns to the Open button', async () => {
    const user = userEvent.setup();
    render(<AnswerImages messageId="m1" live={[FAKE_PNG]} who={WHO} />);
    const open = screen.getByRole('button', { name: 'Open image 1 full size' });
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: `Image 1 from ${WHO}` });
    expect(within(dialog).getByRole('img').getAttribute('src')).toBe(FAKE_PNG);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close image' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('saves the image as parley-<model>-<n>.png', async () => {
    const user = userEvent.setup();
    const saved: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.set('blob:x', b), 'blob:x'), revokeObjectURL: () => undefined }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs.get(this.href)! });
    });
    render(<AnswerImages messageId="m1" live={[FAKE_PNG, FAKE_PNG]} who={WHO} />);
    await user.click(screen.getByRole('button', { name: 'Save image 2' }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual(['parley-google-gemini-2.5-flash-image-2.png']));
    expect(saved[0]!.blob.size).toBe(Buffer.from(FAKE_PNG.split(',')[1]!, 'base64').length);
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('copies the image to the clipboard as PNG', async () => {
    const user = userEvent.setup();
    const written: Record<string, Blob | Promise<Blob>>[] = [];
    class FakeClipboardItem {
      constructor(readonly items: Record<string, Blob | Promise<Blob>>) {
        written.push(items);
      }
    }
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    const write = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true });
    render(<AnswerImages messageId="m1" live={[FAKE_PNG]} who={WHO} />);
    await user.click(screen.getByRole('button', { name: 'Copy image 1' }));
    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(write).toHaveBeenCalledTimes(1);
    expect(Object.keys(written[0]!)).toEqual(['image/png']);
    expect((await written[0]!['image/png']!).size).toBeGreaterThan(0);
  });

  it('names files after the model, safely', () => {
    expect(imageFileName('openai/gpt-5-image:free', 3, 'image/webp')).toBe('parley-openai-gpt-5-image-free-3.webp');
    expect(imageFileName('Answer B', 1, 'image/png')).toBe('parley-answer-b-1.png');
  });
});
