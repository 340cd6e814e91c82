import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { pastFirstRun } from './support/room-actions';
import type { BrowserContext, Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromiumWithProfile } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import { mountTmpfs, type Tmpfs } from './support/tmpfs';

// Issue 19: a large import on a disk that really fills up, Chromium's profile being a small tmpfs. Running out of
// disk under IndexedDB's rows makes Chromium abort with an IO error (UnknownError … FILE_ERROR_NO_SPACE) and delete
// the site's whole database, so Parley checks for room before it writes (room-check.ts). The user must read that
// there is not enough disk space, and what to do, with the history exactly as it was.

const DISK = '32m';

let host: FakeHost;
let files: string;
let disk: Tmpfs | undefined;
let context: BrowserContext | undefined;
beforeAll(async () => {
  host = await startFakeHost({});
  files = mkdtempSync(join(tmpdir(), 'parley-full-disk-files-'));
});
// here rather than in the test, so that a test that times out still lets go of its disk
afterAll(async () => {
  await context?.close();
  disk?.remove();
  await host?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

/** The file to pick (large files go by path: Playwright passes at most 50 MB in memory). */
function json(name: string, value: unknown): string {
  const path = join(files, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** A conversation of `turns` prompts each with one answer; every message `chars` random hex digits: text that does
 * not compress (the disk fills at a size known in advance) and is one word to the search index (quick to index). */
function conversation(id: string, turns: number, chars: number) {
  const text = () => randomBytes(Math.ceil(chars / 2)).toString('hex').slice(0, chars);
  const messages = [];
  for (let t = 0; t < turns; t++) {
    const at = t * 2 + 1;
    messages.push({ id: `${id}_u${t}`, seq: at, parentId: t ? `${id}_u${t - 1}` : null, columnId: null, role: 'user', content: text(), status: 'done', createdAt: at, updatedAt: at });
    messages.push({ id: `${id}_a${t}`, seq: at + 1, parentId: `${id}_u${t}`, columnId: 'c1', role: 'assistant', content: text(), status: 'done', createdAt: at + 1, updatedAt: at + 1 });
  }
  return { id, title: `Conversation ${id}`, createdAt: 1, updatedAt: 2, columns: [{ id: 'c1', model: 'x/y', settings: {} }], messages };
}
const exportOf = (...conversations: ReturnType<typeof conversation>[]) => ({ format: 'parley-export', version: 1, conversations });

/** What IndexedDB holds, read straight from the database (its own connection). */
async function stored(page: Page): Promise<{ conversations: string[]; messages: number }> {
  return page.evaluate(
    () =>
      new Promise((done, fail) => {
        const open = indexedDB.open('parley');
        open.onerror = () => fail(open.error);
        open.onupgradeneeded = () => {
          open.transaction?.abort();
          fail(new Error('the database is gone: opening it would create a new one'));
        };
        open.onblocked = () => fail(new Error('the database is being created again (it was deleted)'));
        open.onsuccess = () => {
          const tx = open.result.transaction(['conversations', 'messages', 'importPacks']);
          const ids = tx.objectStore('conversations').getAllKeys();
          const messages = tx.objectStore('messages').count();
          const packs = tx.objectStore('importPacks').count();
          tx.oncomplete = () => {
            open.result.close();
            done({ conversations: (ids.result as string[]).sort(), messages: messages.result + packs.result });
          };
        };
      }),
  );
}

/** Imports a file from Settings; resolves with the outcome's text once it matches `expected`. */
async function importFile(page: Page, file: string, expected: RegExp) {
  await page.getByLabel('Import conversations').setInputFiles(file);
  const outcome = page.locator('.transfer').locator('.transfer-report, .transfer-error').filter({ hasText: expected });
  await outcome.waitFor({ timeout: 150_000 });
  return outcome.innerText();
}

describe('a real full disk in Chromium', () => {
  it('an import too large for the disk says there is not enough disk space and leaves the history as it was', { timeout: 240_000 }, async () => {
    disk = mountTmpfs(DISK);
    context = await launchChromiumWithProfile(disk.dir);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Storage' }).click();

    expect(await importFile(page, json('small.json', exportOf(conversation('keep1', 2, 200), conversation('keep2', 1, 200))), /^Imported/)).toMatch(/^Imported 2 conversations/);
    const before = await stored(page);
    expect(before).toEqual({ conversations: ['keep1', 'keep2'], messages: 6 });

    // 1,000 messages of 40,000 characters: 40 MB of text for a 32 MB disk already holding the profile
    const text = await importFile(page, json('large.json', exportOf(conversation('big', 500, 40_000))), /^Import failed/);
    expect(text).toMatch(/^Import failed because there is not enough disk space(: it needs about \d+ MB free)?\. Nothing was imported\./);
    expect(text).toMatch(/Free some disk space \(or delete conversations you no longer need\) and import the file again\./);
    expect(text).not.toMatch(/BulkError|InvalidStateError|UnknownError|database refused/);

    expect(await stored(page)).toEqual(before);
    expect(await page.getByRole('button', { name: /^Conversation big/ }).count()).toBe(0);
    // one that fits still goes in, and the app shows the history after a reload
    expect(await importFile(page, json('fits.json', exportOf(conversation('fits', 60, 40_000))), /^Imported/)).toMatch(/^Imported 1 conversation, 120 messages/);
    expect(await stored(page)).toEqual({ conversations: ['fits', 'keep1', 'keep2'], messages: 126 });
    await page.reload();
    await page.getByRole('button', { name: /^Conversation keep1/ }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
