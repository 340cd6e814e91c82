import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { pastFirstRun, addModelById as addModel } from './support/room-actions';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';

// The sidebar's folders and bulk actions in Chromium: everything with the keyboard alone (create a folder,
// select two conversations, move them, archive them, delete them and undo), and a conversation dragged onto a
// folder with the mouse.

let host: FakeHost;
let browser: Browser;

beforeAll(async () => {
  host = await startFakeHost({ tokensPerSecond: 400 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

const list = (page: Page) => page.getByRole('list', { name: 'Conversation list' });
const row = (page: Page, title: string) => list(page).getByRole('button', { name: new RegExp(`^${title}`) });
async function shownTitles(page: Page): Promise<string[]> {
  return list(page).locator('.conversation-title').allTextContents();
}

async function converse(page: Page, prompt: string) {
  await page.getByRole('button', { name: 'New chat' }).click();
  if ((await page.getByRole('group', { name: 'Column alpha' }).count()) === 0) await addModel(page, 'e2e/alpha');
  const box = page.getByRole('textbox', { name: 'Prompt' });
  await box.fill(prompt);
  await box.press('Enter');
  await row(page, prompt).waitFor();
  await expect.poll(() => host.backend.streams!.active().length, { timeout: 20_000 }).toBe(0);
}

/** Presses keys on the focused element, the way a keyboard user moves through the sidebar. */
async function keys(page: Page, ...presses: string[]) {
  for (const k of presses) await page.keyboard.press(k);
}

describe('folders in Chromium', () => {
  it('creates a folder, selects two conversations, moves, archives, deletes and undoes, all by keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await converse(page, 'first topic');
    await converse(page, 'second topic');
    await converse(page, 'third topic');
    expect(await shownTitles(page)).toEqual(['third topic', 'second topic', 'first topic']);

    // a folder, by keyboard
    await page.getByRole('button', { name: 'New folder' }).focus();
    await keys(page, 'Enter');
    await page.keyboard.type('Work');
    await keys(page, 'Enter');
    const work = page.getByRole('group', { name: 'Folders' }).getByRole('button', { name: /^Work/ });
    await work.waitFor();

    // select the two newest: Space on one, Shift+ArrowDown to the next
    await row(page, 'third topic').focus();
    await keys(page, 'Space', 'Shift+ArrowDown');
    const bar = page.getByRole('toolbar', { name: 'Selected conversations' });
    await bar.getByText('2 selected').waitFor();

    // move them: the menu opens on "No folder", ArrowDown reaches Work
    await bar.getByRole('button', { name: 'Move 2 selected to folder' }).focus();
    await keys(page, 'Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('No folder');
    await keys(page, 'ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Work');
    await keys(page, 'Enter');
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => work.textContent()).toBe('Work2');
    await work.focus();
    await keys(page, 'Enter');
    await expect.poll(() => shownTitles(page)).toEqual(['third topic', 'second topic']);

    // archive both from the folder's view
    await row(page, 'third topic').focus();
    await keys(page, 'Space', 'Shift+ArrowDown');
    await bar.getByRole('button', { name: 'Archive 2 selected' }).focus();
    await keys(page, 'Enter');
    await expect.poll(() => shownTitles(page)).toEqual([]);
    await page.getByRole('button', { name: 'All conversations' }).focus();
    await keys(page, 'Enter');
    await expect.poll(() => shownTitles(page)).toEqual(['first topic']);
    await page.getByRole('button', { name: 'Archived' }).focus();
    await keys(page, 'Enter');
    await expect.poll(() => shownTitles(page)).toEqual(['third topic', 'second topic']);

    // delete both, then undo
    await row(page, 'second topic').focus();
    await keys(page, 'Space', 'Shift+ArrowUp');
    await bar.getByRole('button', { name: 'Delete 2 selected' }).focus();
    await keys(page, 'Enter');
    await page.getByText('Deleted 2 conversations.').waitFor();
    await expect.poll(() => shownTitles(page)).toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).focus();
    await keys(page, 'Enter');
    await expect.poll(() => shownTitles(page)).toEqual(['third topic', 'second topic']);

    // it all is stored: after a reload the archive and the folder hold what they held
    await page.reload();
    await page.getByRole('button', { name: 'Archived' }).click();
    await expect.poll(() => shownTitles(page)).toEqual(['third topic', 'second topic']);
    await page.getByRole('group', { name: 'Folders' }).getByRole('button', { name: /^Work/ }).click();
    await expect.poll(() => shownTitles(page)).toEqual([]);

    // the row menu is the keyboard's way to move one conversation
    await page.getByRole('button', { name: 'All conversations' }).click();
    await page.getByRole('button', { name: 'Actions for first topic' }).focus();
    await keys(page, 'Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Move to folder…');
    await keys(page, 'Enter', 'ArrowDown', 'Enter');
    await expect.poll(() => page.getByRole('group', { name: 'Folders' }).getByRole('button', { name: /^Work/ }).textContent()).toBe('Work1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves a conversation dragged onto a folder with the mouse', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await converse(page, 'drag me along');
    await page.getByRole('button', { name: 'New folder' }).click();
    await page.getByRole('textbox', { name: 'Folder name' }).fill('Drops');
    await page.getByRole('textbox', { name: 'Folder name' }).press('Enter');
    const drops = page.getByRole('group', { name: 'Folders' }).getByRole('button', { name: /^Drops/ });
    await drops.waitFor();

    await row(page, 'drag me along').dragTo(drops);
    await expect.poll(() => drops.textContent()).toBe('Drops1');
    await drops.click();
    await expect.poll(() => shownTitles(page)).toEqual(['drag me along']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('writes a title with the chosen model and shows its request in Activity as a title', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('button', { name: 'Answers' }).click();
    await page.getByRole('textbox', { name: 'Title model' }).fill('e2e/cheap');
    await page.getByRole('button', { name: 'Use for titles' }).click();
    await page.getByText('e2e/cheap writes a short title').waitFor();

    await converse(page, 'echo: Bread baking basics.');
    await row(page, 'Bread baking basics').waitFor({ timeout: 20_000 });
    expect(host.requests.filter((r) => r.model === 'e2e/cheap').at(-1)!.messages.at(-1)).toMatchObject({ content: 'echo: Bread baking basics.' });

    await page.getByRole('button', { name: 'Activity', exact: true }).click();
    const requests = page.getByRole('table', { name: 'Requests' });
    const titleRow = requests.locator('tbody tr').filter({ hasText: 'e2e/cheap' });
    await titleRow.waitFor({ timeout: 20_000 });
    expect(await titleRow.locator('td').last().textContent()).toBe('title');
    expect(await titleRow.locator('.request-cost').textContent()).toMatch(/\$|—|unknown/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
