import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import { addModel, pastFirstRun } from './support/room-actions';
import { makePng, pngDataUrl } from './support/png';
import type { ModelSummary } from '../../shared/contract/models';
import { shoot as shootViews } from '../../scripts/screenshots/shoot';

// Issue 22, images out: two image models side by side each answer with two generated images (real 384×384 PNGs),
// which display as they arrive, are stored (a reload shows them again, read from IndexedDB as blob: URLs), open full
// size in a dialog that Escape closes (focus returns to the button), and are screenshotted for the docs.

const SHOTS = resolve(import.meta.dirname, '../../docs/screenshots');
const model = (id: string, name: string): ModelSummary => ({
  id, name, provider: 'e2e', contextLength: 32_000, inputModalities: ['text', 'image'], outputModalities: ['image', 'text'],
  promptUsdPerMTok: 0.3, completionUsdPerMTok: 2.5, isFree: false, supportsReasoning: false, supportsTools: false,
  servedBy: ['OpenRouter'], servedByIds: ['openrouter'], pricing: null,
});

// a warm gradient from one painter, a cool one from the other; the second image of each is turned a quarter
const painting = (warm: boolean, turn: number) =>
  pngDataUrl(makePng(384, 384, (x, y) => {
    const [a, b] = turn ? [y, x] : [x, y];
    return warm ? [200 + (a % 56), 90 + (b >> 2), 60] : [50, 110 + (a >> 2), 180 + (b % 76)];
  }));
// a large one (1200 × 900): the room shows its thumbnail, the dialog the image itself
const LARGE = pngDataUrl(makePng(1200, 900, (x, y) => [(x * 7 + y * 3) % 256, (x ^ y) & 255, (x * y) % 251]));
const IMAGES: Record<string, string[]> = {
  'e2e/painter-a': [painting(true, 0), painting(true, 1)], 'e2e/painter-b': [painting(false, 0), painting(false, 1)], 'e2e/painter-large': [LARGE],
};

let host: FakeHost;
let browser: Browser;

beforeAll(async () => {
  host = await startFakeHost({
    tokensPerSecond: 400,
    models: [model('e2e/painter-a', 'Painter A'), model('e2e/painter-b', 'Painter B'), model('e2e/painter-large', 'Painter Large')],
    image: (n, m) => IMAGES[m]![n]!,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

const answer = (page: Page, name: string) => page.getByRole('article', { name: `Answer from ${name}` });

/** Every image of the answer has loaded and has its 384 pixels; returns the kinds of URL they came from. */
async function shown(a: Locator, count: number): Promise<string[]> {
  const imgs = a.getByRole('group', { name: `Images (${count})` }).getByRole('img');
  await expect.poll(() => imgs.evaluateAll((els) => els.filter((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth === 384).length), { timeout: 30_000 }).toBe(count);
  return imgs.evaluateAll((els) => els.map((e) => (e as HTMLImageElement).src.split(':')[0]!));
}

/** Retakes docs/screenshots/<name>-*.png when asked (PARLEY_SCREENSHOTS=1): a test run leaves the repo as it was. */
async function shoot(page: Page, name: string) {
  if (!process.env.PARLEY_SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await shootViews(page, SHOTS, name);
}

describe('images in the room, in Chromium', () => {
  it('two image models side by side: images display, survive a reload and open full size', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await addModel(page, 'e2e/painter-a');
    await addModel(page, 'e2e/painter-b');

    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('Paint a sunset [image 2]');
    await box.press('Enter');
    for (const name of ['painter-a', 'painter-b']) await shown(answer(page, name), 2);
    await expect.poll(() => host.backend.streams!.active().length, { timeout: 30_000 }).toBe(0);
    // the request asked for images
    expect(host.requests.map((r) => r.modalities)).toEqual([['image', 'text'], ['image', 'text']]);

    // stored: after a reload they come from IndexedDB, as object URLs
    await page.reload();
    for (const name of ['painter-a', 'painter-b']) expect(await shown(answer(page, name), 2)).toEqual(['blob', 'blob']);

    // full size, Escape closes, focus goes back
    const open = answer(page, 'painter-b').getByRole('button', { name: 'Open image 1 full size' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: /^Image 1 from / });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('img').evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(384);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);

    await shoot(page, 'room-images');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a large image is shown in the room as a small thumbnail, stored once, and at full size in the dialog', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await addModel(page, 'e2e/painter-large');
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('Paint a wide field [image 1]');
    await box.press('Enter');
    // the answer is there (so the prompt is stored) before its stream is waited out; right after Enter none has started
    await answer(page, 'painter-large').getByRole('group', { name: 'Images (1)' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => host.backend.streams!.active().length, { timeout: 30_000 }).toBe(0);

    await page.reload();
    const a = answer(page, 'painter-large');
    const img = a.getByRole('group', { name: 'Images (1)' }).getByRole('img');
    const size = () => img.evaluate((e) => { const i = e as HTMLImageElement; return i.complete ? `${i.naturalWidth}×${i.naturalHeight}` : ''; });
    await expect.poll(size, { timeout: 30_000 }).toBe('384×288');
    expect(await img.getAttribute('decoding')).toBe('async');
    // stored beside the image: a small WebP, made once
    const stored = await page.evaluate(() => new Promise<{ type: string; thumb: number; image: number }[]>((done) => {
      const req = indexedDB.open('parley');
      req.onsuccess = () => {
        const all = req.result.transaction('images').objectStore('images').getAll();
        all.onsuccess = () => {
          req.result.close();
          done((all.result as { blob: Blob; thumb?: Blob }[]).filter((r) => r.thumb).map((r) => ({ type: r.thumb!.type, thumb: r.thumb!.size, image: r.blob.size })));
        };
      };
    }));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.type).toBe('image/webp');
    expect(stored[0]!.thumb * 2).toBeLessThan(stored[0]!.image);

    await a.getByRole('button', { name: 'Open image 1 full size' }).click();
    const dialog = page.getByRole('dialog', { name: /^Image 1 from / });
    await expect.poll(() => dialog.getByRole('img').evaluate((e) => (e as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBe(1200);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });
});
