import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/e2e/support/browser';
import { startFakeHost } from '../../test/e2e/support/fake-host';
import { corpusSource } from '../../bench/leaderboard/corpus';

// Screenshots of the views around the room: the first run, Settings (a few sections and the search), Activity,
// the Leaderboard and the folded sidebar, at 1024×768 and 1920×1080, light and dark, against the built renderer
// and the real host with the fake engine. `npm run build`, then `npx tsx scripts/screenshots/app-views.ts [dir]`.
const OUT = process.argv[2] ?? 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const NAMES = ['anthropic/claude-sonnet-4.5', 'openai/gpt-5', 'google/gemini-2.5-pro', 'deepseek/deepseek-chat-v3.1', 'x-ai/grok-4', 'mistralai/mistral-medium-3.1', 'qwen/qwen3-235b-a22b-instruct-2507', 'meta-llama/llama-4-maverick'];

const host = await startFakeHost({ tokensPerSecond: 400 });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });

async function shootAll(name: string, before?: (p: Page) => Promise<void>) {
  for (const [width, height] of [[1024, 768], [1920, 1080]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      if (before) await before(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/${name}-${width}-${scheme}.png` });
    }
  }
}
const section = (name: string) => page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name, exact: true }).click();

await page.goto(host.url);
await page.getByText('No conversations yet').waitFor();
await shootAll('first-run');

await page.getByRole('button', { name: 'Settings', exact: true }).click();
await page.getByRole('heading', { name: 'Providers and keys' }).waitFor();
await shootAll('settings-providers');
await section('Local API');
await shootAll('settings-local-api');
await section('Money');
await shootAll('settings-money');
await page.getByRole('searchbox', { name: 'Search settings' }).fill('limit');
await shootAll('settings-search');
await page.getByRole('searchbox', { name: 'Search settings' }).fill('');

// A history of votes and requests across long model ids, written straight into the page's database.
await page.evaluate(
  async ({ source, s }) => {
    const make = (0, eval)(source);
    const data = make(s);
    const db: IDBDatabase = await new Promise((d) => { const r = indexedDB.open('parley'); r.onsuccess = () => d(r.result); });
    await new Promise<void>((done) => {
      const tx = db.transaction(['conversations', 'messages', 'generations'], 'readwrite');
      for (const c of data.conversations) tx.objectStore('conversations').put(c);
      for (const m of data.messages) tx.objectStore('messages').put(m);
      for (const g of data.generations) tx.objectStore('generations').put(g);
      tx.oncomplete = () => done();
    });
    db.close();
  },
  { source: corpusSource(), s: { votes: 300, generations: 900, models: NAMES.length, rooms: 4, start: Date.now() - 300 * 60_000 - 3_600_000, names: NAMES } },
);
await page.reload();
await page.getByRole('button', { name: 'Activity', exact: true }).click();
await page.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
await page.getByRole('combobox', { name: 'Group by' }).selectOption('model');
await shootAll('activity');
await page.getByRole('button', { name: 'Leaderboard', exact: true }).click();
await page.getByRole('table', { name: 'Models ranked by your votes' }).waitFor();
await shootAll('leaderboard');
await page.getByRole('button', { name: 'Collapse the sidebar' }).click();
await shootAll('leaderboard-sidebar-collapsed');
await page.getByRole('button', { name: 'Activity' }).click();
await shootAll('activity-sidebar-collapsed');
await page.getByRole('button', { name: 'Expand the sidebar' }).click();

await browser.close();
await host.close();
console.log(`screenshots written to ${OUT}`);
