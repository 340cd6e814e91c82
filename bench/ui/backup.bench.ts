// The automatic backup of a 10,000-message room in headless Chromium, against the built renderer and the real host:
// the longest main-thread task while "Back up now" writes it (target ≤ 50 ms, the page stays responsive), against
// the baseline of JSON.stringify on the same rows in one task, which is what the backup did before it wrote in slices.
import type { BenchResult } from '../types';
import { launchChromium } from '../../test/e2e/support/browser';
import { startFakeHost } from '../../test/e2e/support/fake-host';
import { seedConversation } from './support/seed';
import { ensureBuilt, median } from './support/meter';
import { traceMainThread } from './support/main-thread';
import { openAppPage } from './support/app-page';

const DB = 'parley';
const MESSAGES = 10_000;

export default async function run(): Promise<BenchResult[]> {
  ensureBuilt();
  const host = await startFakeHost();
  const browser = await launchChromium();
  try {
    const page = await openAppPage(browser, host.url);
    await page.getByRole('button', { name: 'Skip: I’ll add keys in Settings' }).click().catch(() => {});
    await seedConversation(page, { dbName: DB, conversationId: 'bench-backup', title: 'Ten thousand', columns: 4, messages: MESSAGES, lastPrompt: 'TENK-LATEST', updatedAt: Date.now() });
    await page.reload();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Storage' }).click();

    const runs: { longestMs: number; longestCpuMs: number; over50: number }[] = [];
    for (let i = 0; i < 3; i++) {
      // a change since the last run, so each run writes the room again
      await page.evaluate(
        ({ dbName }) =>
          new Promise<void>((done, fail) => {
            const req = indexedDB.open(dbName);
            req.onsuccess = () => {
              const tx = req.result.transaction('conversations', 'readwrite');
              const store = tx.objectStore('conversations');
              const get = store.get('bench-backup');
              get.onsuccess = () => store.put({ ...get.result, updatedAt: Date.now() + 1000 });
              tx.oncomplete = () => (req.result.close(), done());
              tx.onerror = () => fail(tx.error);
            };
          }),
        { dbName: DB },
      );
      await page.waitForTimeout(500);
      const { tasks } = await traceMainThread(page, async () => {
        await page.getByRole('button', { name: 'Back up now' }).click();
        await page.getByText(/^Backed up 1 changed conversation to parley-backup-/).waitFor({ timeout: 120_000 });
      });
      runs.push(tasks);
      await page.getByRole('button', { name: 'Back up now' }).waitFor();
    }

    // the baseline: the same rows turned into JSON in one task, as before
    const { tasks: baseline } = await traceMainThread(page, () =>
      page.evaluate(
        ({ dbName }) =>
          new Promise<number>((done, fail) => {
            const req = indexedDB.open(dbName);
            req.onsuccess = () => {
              const all = req.result.transaction('messages').objectStore('messages').getAll();
              all.onsuccess = () => {
                req.result.close();
                setTimeout(() => done(JSON.stringify({ conversations: [{ messages: all.result }] }).length), 0);
              };
              all.onerror = () => fail(all.error);
            };
          }),
        { dbName: DB },
      ),
    );
    const longest = median(runs.map((r) => r.longestMs));
    const cpu = median(runs.map((r) => r.longestCpuMs));
    return [
      {
        name: `"Back up now" of a ${MESSAGES.toLocaleString('en')}-message room: longest main-thread task`,
        value: longest, unit: 'ms', target: '<= 50 ms', pass: longest <= 50,
        baseline: { name: 'reading the rows and JSON.stringify in one task, as the backup did before', value: baseline.longestMs },
        ratio: longest / Math.max(1, baseline.longestMs),
        notes: `median of 3; runs ${runs.map((r) => `${r.longestMs.toFixed(0)} ms (${r.longestCpuMs.toFixed(0)} ms CPU, ${r.over50} over 50 ms)`).join(', ')}; longest CPU ${cpu.toFixed(0)} ms; baseline ${baseline.longestCpuMs.toFixed(0)} ms CPU`,
      },
    ];
  } finally {
    await browser.close();
    await host.close();
  }
}
