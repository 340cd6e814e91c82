// The chatroom under load in headless Chromium, against the built renderer and the real host with a fake engine:
//  1. four columns each streaming 2,000 tokens at 100 tokens/s inside a conversation of 2,000 messages —
//     median frames per second (rAF count per 1 s window; baseline: the same page idle) and the longest long task;
//  2. opening a 10,000-message conversation — time from the click to the first frame showing its latest turn
//     (baseline: opening a 10-message conversation).
import type { Page } from 'playwright-core';
import type { BenchResult } from '../types';
import { launchChromium } from '../../test/e2e/support/browser';
import { startFakeHost } from '../../test/e2e/support/fake-host';
import { seedConversation } from './support/seed';
import { ensureBuilt, median, readMeter, startMeter } from './support/meter';
import { openAppPage } from './support/app-page';

const DB = 'parley';
const TOKENS = 2000;
const RATE = 100;

async function openAndTime(page: Page, title: string, marker: string): Promise<number> {
  await page.reload();
  await page.locator('.conversation-item', { hasText: title }).first().waitFor();
  await page.waitForTimeout(300);
  return page.evaluate(
    ({ title, marker }) =>
      new Promise<number>((done) => {
        const btn = [...document.querySelectorAll<HTMLButtonElement>('.conversation-item')].find((b) => b.querySelector('.conversation-title')?.textContent === title)!;
        const t0 = performance.now();
        btn.click();
        const check = () => {
          if ([...document.querySelectorAll('.user-text')].some((e) => e.textContent === marker)) requestAnimationFrame(() => done(performance.now() - t0));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { title, marker },
  );
}

export default async function run(): Promise<BenchResult[]> {
  ensureBuilt();
  const host = await startFakeHost({ tokensPerSecond: RATE });
  const browser = await launchChromium();
  const results: BenchResult[] = [];
  try {
    const page = await openAppPage(browser, host.url);
    const now = Date.now();
    await seedConversation(page, { dbName: DB, conversationId: 'bench-small', title: 'Small room', columns: 4, messages: 10, lastPrompt: 'SMALL-LATEST', updatedAt: now - 3000 });
    await seedConversation(page, { dbName: DB, conversationId: 'bench-10k', title: 'Ten thousand', columns: 4, messages: 10_000, lastPrompt: 'TENK-LATEST', updatedAt: now - 2000 });
    await seedConversation(page, { dbName: DB, conversationId: 'bench-2k', title: 'Two thousand', columns: 4, messages: 2_000, lastPrompt: 'TWOK-LATEST', updatedAt: now - 1000 });

    // 2. opening long conversations
    const small: number[] = [];
    const big: number[] = [];
    for (let i = 0; i < 3; i++) {
      small.push(await openAndTime(page, 'Small room', 'SMALL-LATEST'));
      big.push(await openAndTime(page, 'Ten thousand', 'TENK-LATEST'));
    }
    const bigMed = median(big);
    const smallMed = median(small);

    // 1. streaming four columns inside a 2,000-message conversation
    await page.reload();
    await page.locator('.conversation-item', { hasText: 'Two thousand' }).first().click();
    await page.locator('.user-text', { hasText: 'TWOK-LATEST' }).waitFor();
    await page.waitForTimeout(1500);
    await startMeter(page);
    const idleFrom = await page.evaluate(() => performance.now());
    await page.waitForTimeout(3000);
    const idleTo = await page.evaluate(() => performance.now());
    const idle = await readMeter(page, idleFrom, idleTo);
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill(`[long ${TOKENS}] stream please`);
    const from = await page.evaluate(() => performance.now());
    await box.press('Enter');
    const t0 = Date.now();
    // wait until the four streams have started, then until all of them finished
    while (host.backend.streams!.active().filter((s) => s.status === 'streaming').length < 4 && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
    while (host.backend.streams!.active().some((s) => s.status === 'streaming') && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 200));
    const to = await page.evaluate(() => performance.now());
    const streaming = await readMeter(page, from, to);
    const fps = median(streaming.fps);
    const idleFps = median(idle.fps);
    // the long-task observer is live: a deliberate 120 ms block must show up
    await page.evaluate(() => {
      setTimeout(() => {
        const end = performance.now() + 120;
        while (performance.now() < end);
      }, 0);
    });
    await page.waitForTimeout(200);
    const probe = await readMeter(page, to, await page.evaluate(() => performance.now()));
    const streamedChars = await page.evaluate(() => Math.max(...[...document.querySelectorAll('.answer')].map((e) => e.textContent?.length ?? 0)));

    results.push(
      {
        name: '4 columns × 2,000 tokens @100 tok/s in a 2,000-message room: median fps',
        value: fps, unit: 'fps', baseline: { name: 'same page idle', value: idleFps }, ratio: fps / idleFps, target: '>= 59 fps (60 Hz display)', pass: fps >= 59,
        notes: `${streaming.fps.length} one-second windows, min ${Math.min(...streaming.fps)} fps; longest answer ${streamedChars} chars`,
      },
      {
        name: 'longest long task while streaming', value: streaming.longest, unit: 'ms', target: '<= 50 ms', pass: streaming.longest <= 50,
        notes: `longest gap between frames ${streaming.maxGap.toFixed(0)} ms; ${streaming.longCount} long tasks (>50 ms) over ${((to - from) / 1000).toFixed(1)} s${streaming.longTasks.length ? ` (${streaming.longTasks.map((t) => `${t.ms.toFixed(0)} ms at +${(t.at / 1000).toFixed(2)} s`).join(', ')})` : ''}; idle: ${idle.longCount}; observer check: a 120 ms block read as ${probe.longest.toFixed(0)} ms`,
      },
      {
        name: 'open a 10,000-message conversation: first paint of its latest turn',
        value: bigMed, unit: 'ms', baseline: { name: 'open a 10-message conversation', value: smallMed }, ratio: bigMed / smallMed, target: '<= 150 ms', pass: bigMed <= 150,
        notes: `median of 3 after a reload each; runs ${big.map((x) => x.toFixed(0)).join(', ')} ms`,
      },
    );
    await page.close();
  } finally {
    await browser.close();
    await host.close();
  }
  return results;
}
