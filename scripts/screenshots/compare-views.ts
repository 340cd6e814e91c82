import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../test/e2e/support/browser';
import { startFakeHost } from '../../test/e2e/support/fake-host';
import { corpusSource } from '../../bench/leaderboard/corpus';
import { addModelById as addModel } from '../../test/e2e/support/room-actions';

// Screenshots of blind mode, the vote, fusing, the diff and the leaderboard (1024 and 1920 px, light and dark),
// against the built renderer and the real host with the fake engine: `npx tsx scripts/screenshots/compare-views.ts [dir]`.
const OUT = process.argv[2] ?? 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const host = await startFakeHost({ tokensPerSecond: 400 });
const browser = await launchChromium();
const NAMES = ['anthropic/claude-sonnet-4.5', 'openai/gpt-5', 'google/gemini-2.5-pro', 'deepseek/deepseek-chat-v3.1', 'x-ai/grok-4', 'mistralai/mistral-medium-3.1', 'qwen/qwen3-235b-a22b', 'meta-llama/llama-4-maverick'];


const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
await page.goto(host.url);
await page.getByText('No conversations yet').waitFor();
for (const b of ['kestrel', 'osprey', 'heron']) await addModel(page, `demo/${b}`);
await page.getByRole('checkbox', { name: 'Blind' }).check();
const box = page.getByRole('textbox', { name: 'Prompt' });
await box.fill('[anon] Which data structure suits an LRU cache?');
await box.press('Enter');
await page.getByRole('group', { name: 'Vote on this turn' }).waitFor({ timeout: 20000 });
await page.waitForTimeout(500);
const shoot = async (name: string, width: number, scheme: 'light' | 'dark') => {
  await page.setViewportSize({ width, height: width > 1500 ? 1080 : 768 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${name}-${width}-${scheme}.png` });
};
for (const w of [1024, 1920]) for (const s of ['light', 'dark'] as const) await shoot('blind-hidden', w, s);
await page.getByRole('button', { name: 'Answer B is best' }).click();
await page.getByRole('group', { name: 'Your vote on this turn' }).waitFor();
await page.getByRole('button', { name: 'Fuse…' }).click();
await page.getByRole('button', { name: 'Fuse these answers' }).click();
await page.getByRole('article', { name: 'Fused answer' }).getByLabel(/^Cost: /).waitFor({ timeout: 20000 });
await page.waitForTimeout(500);
for (const w of [1024, 1920]) for (const s of ['light', 'dark'] as const) await shoot('blind-revealed', w, s);
await page.getByRole('button', { name: 'Compare two…' }).click();
for (const w of [1024, 1920]) for (const s of ['light', 'dark'] as const) await shoot('blind-diff', w, s);
await page.keyboard.press('Escape');

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
  { source: corpusSource(), s: { votes: 600, generations: 2000, models: NAMES.length, rooms: 6, start: Date.now() - 600 * 60_000 - 3_600_000, names: NAMES } },
);
await page.reload();
await page.getByRole('button', { name: 'Leaderboard' }).click();
await page.getByRole('table', { name: 'Models ranked by your votes' }).waitFor();
await page.getByRole('button', { name: `Votes behind ${NAMES[7]}` }).click();
await page.waitForTimeout(400);
for (const w of [1024, 1920]) for (const s of ['light', 'dark'] as const) await shoot('leaderboard', w, s);
await browser.close();
await host.close();
console.log('done');
