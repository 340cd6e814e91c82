import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import { openModelPicker, pastFirstRun } from './support/room-actions';

// Cache-aware pinning in Chromium against the built renderer and the real host: with "Pin providers" on, each
// column's next request asks OpenRouter for the provider that served its first answer (others only as fallbacks);
// an answer a fallback served says its cache was lost; turned off, requests carry no pin.

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

describe('pin each column to its provider', () => {
  it('pins the next requests to the first answer’s provider and says when a fallback lost the cache', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await openModelPicker(page);
    await page.getByRole('searchbox', { name: 'Search models' }).fill('e2e/kestrel');
    await page.getByRole('searchbox', { name: 'Search models' }).press('Enter');
    await page.getByRole('group', { name: 'Column kestrel' }).waitFor();
    const box = page.getByRole('textbox', { name: 'Prompt' });
    const ask = async (text: string) => {
      await box.fill(text);
      await box.press('Enter');
      await page.getByText(`Answer from e2e/kestrel to "${text}"`, { exact: false }).waitFor({ timeout: 15_000 });
      await expect.poll(() => host.backend.streams!.active().length, { timeout: 15_000 }).toBe(0);
    };
    const last = () => host.requests[host.requests.length - 1]!;

    await ask('first question');
    expect(last().provider?.order).toBeUndefined();
    await page.getByRole('checkbox', { name: 'Pin providers' }).check();

    await ask('second question');
    expect(last().provider).toMatchObject({ order: ['FakeProvider'], allow_fallbacks: true });
    expect(await page.getByRole('note').filter({ hasText: 'Cache lost' }).count()).toBe(0);

    await ask('[fallback] third question');
    await page.getByRole('note').filter({ hasText: 'Cache lost: served by SecondChoice instead of FakeProvider' }).waitFor();

    await page.getByRole('checkbox', { name: 'Pin providers' }).uncheck();
    await ask('fourth question');
    expect(last().provider?.order).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
