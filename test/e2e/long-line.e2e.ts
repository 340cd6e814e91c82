import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import { openModelPicker, pastFirstRun } from './support/room-actions';

// An answer holding one 1 MB line without whitespace (issue 12): it streams and reopens without freezing the
// window, because the line is shown in bounded chunks that the browser lays out only near the viewport. How long the
// page's tasks take is measured by `npm run bench -- ui/long-line`, not here: a test must not fail on a busy machine.

let host: FakeHost;
let browser: Browser;

beforeAll(async () => {
  host = await startFakeHost({ tokensPerSecond: 200 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

const SIZE = 1_000_000;

/** What the answer shows: its chunks of the long line and how they are laid out. */
async function chunks(page: Page) {
  return page.getByRole('article', { name: 'Answer from alpha' }).evaluate((el) => {
    const parts = [...el.querySelectorAll('.md-long > div')];
    return {
      count: parts.length,
      chars: parts.reduce((n, p) => n + (p.textContent?.length ?? 0), 0),
      longest: Math.max(0, ...parts.map((p) => p.textContent?.length ?? 0)),
      deferredLayout: parts.slice(1).every((p) => getComputedStyle(p).contentVisibility === 'auto'),
      closing: el.querySelector('strong')?.textContent ?? null,
    };
  });
}

describe('a 1 MB unbroken line in Chromium', () => {
  it('streams and reopens in bounded chunks, laid out only near the viewport, while the page keeps painting', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await openModelPicker(page);
    const dialog = page.getByRole('dialog', { name: 'Add a model' });
    await dialog.getByRole('searchbox', { name: 'Search models' }).fill('e2e/alpha');
    await dialog.getByRole('searchbox', { name: 'Search models' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill(`[unbroken ${SIZE}] send the blob`);
    await box.press('Enter');
    // while it streams, the page keeps answering
    await page.getByLabel('Streaming').waitFor();
    await expect.poll(async () => (await chunks(page)).count, { timeout: 30_000 }).toBeGreaterThan(20);
    expect(await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame((t) => done(t))))).toBeGreaterThan(0);
    await page.getByLabel('Streaming').waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => host.backend.streams!.active().length, { timeout: 20_000 }).toBe(0);

    await expect.poll(async () => (await chunks(page)).chars, { timeout: 20_000 }).toBe(SIZE);
    let shown = await chunks(page);
    expect(shown.count).toBe(Math.ceil(SIZE / 4096));
    expect(shown.longest).toBeLessThanOrEqual(4096);
    expect(shown.deferredLayout).toBe(true);
    expect(shown.closing).toBe('text');

    // reopened from IndexedDB: the same chunks, still responsive
    await page.reload();
    await page.getByRole('button', { name: /^\[unbroken 1000000\] send the blob/ }).click();
    await expect.poll(async () => (await chunks(page)).chars, { timeout: 20_000 }).toBe(SIZE);
    shown = await chunks(page);
    expect(shown.longest).toBeLessThanOrEqual(4096);
    expect(shown.closing).toBe('text');
    expect(shown.deferredLayout).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
