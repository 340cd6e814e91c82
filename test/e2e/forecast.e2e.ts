import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startHostProcess, type HostProcess } from './support/host-process';
import { startFakeOpenRouter, type FakeOpenRouter } from './support/fake-openrouter';

// The forecast in Chromium against the real host and a fake OpenRouter whose balance is $2.10: a ledger seeded
// with a steady $0.10 a day for the last week (one request a day, through OpenRouter: chat and another app through
// the local API) plus requests that do not draw on the balance. By hand: 2.10 ÷ 0.10 = 21 days after
// 20 Jan 2027 12:00 UTC → 10 Feb 2027, shown in Activity and in the header's balance card; a notice set at 30 days
// appears in the header.

const KEY = 'sk-or-e2e-forecast-1357';
const NOW = Date.UTC(2027, 0, 20, 12);
const DAY = 86_400_000;

let openrouter: FakeOpenRouter;
let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  openrouter = await startFakeOpenRouter(KEY, { total_credits: 3, total_usage: 0.9 });
  host = await startHostProcess({ env: { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: openrouter.url } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await openrouter?.close();
});

function ledgerRow(i: number, createdAt: number, costMicros: number, over: Record<string, unknown> = {}) {
  return {
    id: `gen-forecast-${i}`, createdAt, requestedModel: 'openai/gpt-4o', model: 'openai/gpt-4o', upstreamId: 'openrouter', upstreamKind: 'openrouter',
    provider: 'OpenAI', attempts: [], tokens: { prompt: 100, completion: 50, cacheRead: 0, cacheWrite: 0, reasoning: 0 }, costMicros, costSource: 'computed',
    computedCostMicros: costMicros, ttftMs: 100, durationMs: 900, tokensPerSecond: 50, finishReason: 'stop', nativeFinishReason: 'stop', isByok: false,
    streamed: true, cancelled: false, fallbackUsed: false, source: 'app', ...over,
  };
}

describe('forecast', () => {
  it('shows the date the OpenRouter balance runs out at the last 7 days’ rate, equal to the hand-computed one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.clock.install({ time: NOW });
    await page.goto(host.url);
    await page.getByLabel('OpenRouter balance', { exact: true }).getByText('$2.10').waitFor();

    const rows = [
      ...Array.from({ length: 6 }, (_, i) => ledgerRow(i, NOW - (i + 0.5) * DAY, 100_000)),
      ledgerRow(6, NOW - 6.5 * DAY, 100_000, { source: 'local-api', appKeyId: 'app-key-1' }), // another app, same balance
      ledgerRow(7, NOW - 2 * DAY, 5_000_000, { upstreamId: 'anthropic', upstreamKind: 'anthropic', isByok: true }), // BYOK direct: not from it
      ledgerRow(8, NOW - 9 * DAY, 5_000_000), // before the window
    ];
    await page.evaluate(async (rows) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const req = indexedDB.open('parley');
        req.onsuccess = () => done(req.result);
        req.onerror = () => fail(req.error);
      });
      await new Promise<void>((done, fail) => {
        const tx = db.transaction('generations', 'readwrite');
        for (const r of rows) tx.objectStore('generations').put(r);
        tx.oncomplete = () => done();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    }, rows);
    // written past Dexie (as history from an earlier session would be there): open the app on it
    await page.reload();
    await page.getByLabel('OpenRouter balance', { exact: true }).getByText('$2.10').waitFor();

    await page.getByRole('button', { name: 'Activity' }).click();
    const forecast = page.getByRole('region', { name: 'Forecast' });
    await forecast.getByText('The balance runs out on 10 Feb 2027, in 21 days.').waitFor();
    expect(await forecast.textContent()).toContain('$0.10 a day over the last 7 days.');

    // over 30 days the same $0.70 (+ the older $5.00) spreads thinner: 5.70 ÷ 30 = $0.19 a day → 11 days → 31 Jan 2027
    await forecast.getByRole('combobox', { name: 'Forecast window' }).selectOption('30');
    await forecast.getByText(/The balance runs out on 31 Jan 2027 \(between .+ and .+\), in 11 days\./).waitFor();

    // the header's balance card says it too, and a notice set at 30 days appears
    await page.getByLabel('OpenRouter balance', { exact: true }).hover();
    const card = page.getByRole('tooltip');
    await card.waitFor();
    expect(await card.textContent()).toContain('At the last 7 days’ rate, the balance runs out on 10 Feb 2027, in 21 days.');
    expect(await page.getByText(/^runs out in/).count()).toBe(0);
    await forecast.getByRole('spinbutton', { name: 'Warn when the balance runs out within (days)' }).fill('30');
    await forecast.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('group', { name: 'OpenRouter account' }).getByRole('status').getByText('runs out in 21 days').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
