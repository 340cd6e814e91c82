import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import { pastFirstRun, addModelById as addModel } from './support/room-actions';

// The chatroom in Chromium against the built renderer and the real host, with a fake engine streaming answers.

let host: FakeHost;
let browser: Browser;

beforeAll(async () => {
  host = await startFakeHost({ tokensPerSecond: 300 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

async function send(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Prompt' });
  await box.fill(text);
  await box.press('Enter');
}

describe('chatroom in Chromium', () => {
  it('compares two models, survives a reload mid-stream, and keeps the conversation', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await addModel(page, 'e2e/alpha');
    await addModel(page, 'e2e/beta');
    await page.getByRole('group', { name: 'Column beta' }).waitFor();
    await send(page, '[long 400] tell a story');
    const alpha = page.getByRole('article', { name: 'Answer from alpha' });
    await alpha.getByText(/w20 /).waitFor();
    await page.reload();
    await page.getByRole('button', { name: /^\[long 400\] tell a story/ }).click();
    // re-attached: the text so far is there at once, and the rest arrives
    await page.getByRole('article', { name: 'Answer from alpha' }).getByText(/w398/).waitFor({ timeout: 20_000 });
    await page.getByRole('article', { name: 'Answer from beta' }).getByText(/w398/).waitFor({ timeout: 20_000 });
    await expect.poll(() => host.backend.streams!.active().length, { timeout: 10_000 }).toBe(0);
    await page.getByRole('article', { name: 'Answer from beta' }).getByLabel('Answer details').waitFor();
    // per-column context on the next turn
    const before = host.requests.length;
    await send(page, 'and then?');
    await expect.poll(() => host.requests.length, { timeout: 10_000 }).toBe(before + 2);
    for (const r of host.requests.slice(before)) {
      expect(r.messages).toHaveLength(3);
      expect(JSON.stringify(r.messages[1])).not.toContain(r.model === 'e2e/alpha' ? 'e2e/beta' : 'e2e/alpha');
    }
    await expect.poll(() => host.backend.streams!.active().length, { timeout: 10_000 }).toBe(0);
    // after a reload the stored conversation comes back from IndexedDB
    await page.reload();
    await page.getByRole('button', { name: /^\[long 400\] tell a story/ }).click();
    await page.getByRole('article', { name: 'Answer from beta' }).last().getByText(/to "and then\?"/).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops with Esc, and renders hostile markdown inert with highlighting from the worker', async () => {
    const page = await browser.newPage();
    // host mode has no OS browser handle in main: the page opens web links itself, without an opener
    await page.addInitScript({ content: 'window.__opened = []; window.open = (...args) => { window.__opened.push(args); return null; };' });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'New chat' }).click();
    await addModel(page, 'e2e/gamma');
    await send(page, '[hang] wait');
    await page.getByRole('button', { name: 'Stop gamma' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('article', { name: 'Answer from gamma' }).getByText('Stopped.').waitFor();

    const hostile = [
      '<script>alert("script")</script>',
      '<img src=x onerror="alert(\'img\')">',
      '[click](javascript:alert("link"))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[site](https://example.com/docs)',
      '```ts',
      'const answer: number = 42;',
      '```',
    ].join('\n\n').replace('```ts\n\n', '```ts\n').replace(';\n\n```', ';\n```');
    await send(page, `echo: ${hostile}`);
    const cell = page.getByRole('article', { name: 'Answer from gamma' }).last();
    await cell.locator('code.hljs .hljs-keyword').first().waitFor({ timeout: 10_000 });
    await cell.getByText('click').click();
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await cell.locator('script, img, iframe, [onerror]').count()).toBe(0);
    expect(await cell.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __opened: unknown[] }).__opened)).toEqual([]);
    await cell.getByRole('link', { name: 'site' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __opened: unknown[] }).__opened))
      .toEqual([['https://example.com/docs', '_blank', 'noopener,noreferrer']]);
    await page.close();
  });
});
