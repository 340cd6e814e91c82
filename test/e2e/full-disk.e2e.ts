import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';

// Issue 12: the disk fills while an answer streams, then frees up. In Chromium, with IndexedDB writes to the
// messages store refused (QuotaExceededError) while `window.__diskFull` is set.

let host: FakeHost;
let browser: Browser;

beforeAll(async () => {
  host = await startFakeHost({ tokensPerSecond: 150 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

const FULL_DISK = `
  window.__diskFull = false;
  for (const op of ['put', 'add']) {
    const real = IDBObjectStore.prototype[op];
    IDBObjectStore.prototype[op] = function (...args) {
      if (window.__diskFull && this.name === 'messages') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.apply(this, args);
    };
  }`;

async function storedAnswer(page: Page): Promise<{ status: string; content: string } | null> {
  return page.evaluate(
    () =>
      new Promise((done) => {
        const open = indexedDB.open('parley');
        open.onsuccess = () => {
          const all = open.result.transaction('messages').objectStore('messages').getAll();
          all.onsuccess = () => {
            const a = (all.result as { role: string; status: string; content: string }[]).find((m) => m.role === 'assistant');
            open.result.close();
            done(a ? { status: a.status, content: a.content } : null);
          };
        };
      }),
  );
}

describe('a full disk in Chromium', () => {
  it('finishes the column, warns before closing, and saves the answer by itself once space returns', async () => {
    const page = await browser.newPage();
    await page.addInitScript({ content: FULL_DISK });
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Talk to many models at once' }).waitFor();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Add a model' });
    await dialog.getByRole('searchbox', { name: 'Search models' }).fill('e2e/alpha');
    await dialog.getByRole('searchbox', { name: 'Search models' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('[long 150] tell a long story');
    await box.press('Enter');
    const answer = page.getByRole('article', { name: 'Answer from alpha' });
    await answer.getByText(/w10 /).waitFor();
    await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true));

    await expect.poll(() => host.backend.streams!.active().map((s) => s.status), { timeout: 20_000 }).toEqual(['done']);
    // the stream is over on screen although nothing could be written
    await answer.getByText(/Not saved yet/).waitFor();
    await answer.getByText(/w149/).waitFor();
    expect(await page.getByLabel('Streaming').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Send' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Stop all (Esc)' }).count()).toBe(0);
    await page.getByRole('alert').getByText(/storage is full/).waitFor();
    expect((await storedAnswer(page))?.status).toBe('streaming');
    expect(host.backend.streams!.active()).toHaveLength(1); // main keeps it until the page stored it

    // leaving the page asks first; staying keeps everything
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    await page.reload({ timeout: 3000 }).catch(() => {});
    expect(asked).toEqual(['beforeunload']);
    await answer.getByText(/Not saved yet/).waitFor();

    // space returns: the answer is saved by the next retry, with no reload and no click
    await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = false));
    await answer.getByText(/Not saved yet/).waitFor({ state: 'detached', timeout: 20_000 });
    const stored = await storedAnswer(page);
    expect(stored?.status).toBe('done');
    expect(stored?.content).toMatch(/w149/);
    await expect.poll(() => host.backend.streams!.active().length, { timeout: 10_000 }).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    // nothing unsaved any more: the page reloads without asking, and the answer comes back from IndexedDB
    await page.reload();
    await page.getByRole('button', { name: /^\[long 150\] tell a long story/ }).click();
    await page.getByRole('article', { name: 'Answer from alpha' }).getByText(/w149/).waitFor();
    expect(asked).toEqual(['beforeunload']);
    await page.close();
  });
});
