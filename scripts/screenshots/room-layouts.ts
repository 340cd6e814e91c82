import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../test/e2e/support/browser';
import { startFakeHost } from '../../test/e2e/support/fake-host';
import { addModelById, pastFirstRun } from '../../test/e2e/support/room-actions';

// Screenshots of a room of four models: side by side while the answers stream and once they are done, then in a
// grid and stacked, at 1024×768 and 1920×1080, light and dark, against the built renderer and the real host with
// the fake engine. `npm run build`, then `npx tsx scripts/screenshots/room-layouts.ts [dir]`.
const OUT = process.argv[2] ?? 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const MODELS = ['anthropic/claude-sonnet-4.5', 'openai/gpt-5', 'google/gemini-2.5-pro', 'deepseek/deepseek-chat-v3.1'];
const PROMPT = 'How would you build an LRU cache?';
const ANSWER = (model: string) => [
  `## An LRU cache in two parts (${model.split('/')[1]})`,
  '',
  'Use a **hash map** for lookups and a **doubly linked list** for recency: both operations are `O(1)`.',
  '',
  '| Operation | Map | List |',
  '|---|---|---|',
  '| get | find the node | move it to the front |',
  '| put | insert or update | push front, drop the tail when full |',
  '',
  '```ts',
  'const cache = new Map<string, number>(); // a Map keeps insertion order',
  'function touch(k: string, v: number) { cache.delete(k); cache.set(k, v); }',
  '```',
  '',
  '> In JavaScript a `Map` alone is enough: delete and re-insert moves a key to the end.',
].join('\n');

const host = await startFakeHost({ tokensPerSecond: 60, answer: (prompt, model) => (prompt === PROMPT ? ANSWER(model) : undefined) });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  await page.goto(host.url);
  await pastFirstRun(page);
  for (const m of MODELS) await addModelById(page, m);
  const shootAll = async (name: string) => {
    for (const [width, height] of [[1024, 768], [1920, 1080]] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForTimeout(250);
        await page.screenshot({ path: `${OUT}/${name}-${width}-${scheme}.png` });
      }
    }
  };
  const box = page.getByRole('textbox', { name: 'Prompt' });
  await box.fill(PROMPT);
  await box.press('Enter');
  await page.getByRole('button', { name: 'Stop all answers (Esc)' }).waitFor();
  await page.waitForTimeout(1200);
  await shootAll('room-side-streaming');
  await page.getByRole('button', { name: 'Stop all answers (Esc)' }).waitFor({ state: 'detached', timeout: 60_000 });
  await page.waitForTimeout(500);
  await shootAll('room-side');
  const layout = (name: string) => page.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name }).click();
  await layout('Grid, two per row');
  await shootAll('room-grid');
  await layout('Stacked');
  await shootAll('room-stacked');
  await layout('Side by side');
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await host.close();
}
