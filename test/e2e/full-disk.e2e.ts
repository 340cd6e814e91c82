import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import { openModelPicker, pastFirstRun } from './support/room-actions';

// Issue 12: the disk fills while an answer streams, then frees up; an import meets a full store. In Chromium, with
// IndexedDB writes to the messages store refused (QuotaExceededError) while `window.__diskFull` is set, or each
// row of a bulk write refused on its own request while `window.__storeFull` is set (Dexie then throws a BulkError).

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
  window.__storeFull = false;
  for (const op of ['put', 'add']) {
    const real = IDBObjectStore.prototype[op];
    IDBObjectStore.prototype[op] = function (...args) {
      if (window.__diskFull && this.name === 'messages') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (window.__storeFull && op === 'add' && this.name === 'messages') {
        // a request that fails on its own (adding the same row twice), reporting the full store as its error
        real.apply(this, args);
        const req = real.apply(this, args);
        Object.defineProperty(req, 'error', { get: () => new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
        return req;
      }
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
    await pastFirstRun(page);
    await openModelPicker(page);
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
    expect(await page.getByRole('button', { name: 'Stop all answers (Esc)' }).count()).toBe(0);
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

  it('an import into a full store says there is not enough space and imports nothing', async () => {
    const page = await browser.newPage();
    await page.addInitScript({ content: FULL_DISK });
    await page.goto(host.url);
    await pastFirstRun(page);
    await page.evaluate(() => ((window as unknown as { __storeFull: boolean }).__storeFull = true));
    const file = {
      format: 'parley-export',
      version: 1,
      conversations: [{
        id: 'conv_full', title: 'Imported into a full store', createdAt: 1, updatedAt: 2, columns: [{ id: 'c1', model: 'x/y', settings: {} }],
        messages: [
          { id: 'm1', seq: 1, parentId: null, columnId: null, role: 'user', content: 'a question', status: 'done', createdAt: 1, updatedAt: 1 },
          { id: 'm2', seq: 2, parentId: 'm1', columnId: 'c1', role: 'assistant', content: 'an answer', status: 'done', createdAt: 2, updatedAt: 2 },
        ],
      }],
    };
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Storage' }).click();
    await page.getByLabel('Import conversations').setInputFiles({ name: 'chat.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    const refusal = page.locator('.transfer').getByText(/^Import failed/);
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toMatch(/not enough disk space/);
    expect(text).toMatch(/Nothing was imported/);
    expect(text).toMatch(/Free some disk space/);
    expect(text).not.toMatch(/BulkError/);
    expect(await page.getByRole('button', { name: /^Imported into a full store/ }).count()).toBe(0);
    await page.close();
  });
});
