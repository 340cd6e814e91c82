import { mkdirSync } from 'node:fs';
import { launchChromium } from '../../test/e2e/support/browser';
import { startFakeHost } from '../../test/e2e/support/fake-host';
import { addModelById, pastFirstRun } from '../../test/e2e/support/room-actions';
import { shoot } from './shoot';

// Screenshots of a room of four models: side by side while the answers stream and once they are done, then in a
// grid and stacked; then a new chat with the same four, blind, in a grid, before and after the vote
// (room-blind-before-vote, room-blind-after-vote); at 1024×768 and 1920×1080, light and dark, against the built
// renderer and the real host with the fake engine. `npm run build`, then `npx tsx scripts/screenshots/room-layouts.ts [dir]`.
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

// The blind turn's answers name no model: until the vote only their letters tell them apart. Short, so the four
// and the vote fit in the room at 1024×768.
const BLIND_PROMPT = 'A regex for a date like 2026-12-07, in one line, and what it misses?';
const BLIND_ANSWERS: Record<string, string> = {
  'anthropic/claude-sonnet-4.5': '`^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$`: it still accepts `2026-02-31`, so parse the date to be sure.',
  'openai/gpt-5': '`^\\d{4}-\\d{2}-\\d{2}$` checks the **shape** only: `2026-13-45` matches. Check ranges and leap years in code.',
  'google/gemini-2.5-pro': '`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`. No regex knows leap years: February 29th needs the year.',
  'deepseek/deepseek-chat-v3.1': '`/^\\d{4}-\\d{2}-\\d{2}$/`. It misses impossible months and days; `date.fromisoformat(s)` catches them.',
};

// who serves each model, as OpenRouter would name them
const PROVIDERS: Record<string, string> = { anthropic: 'Anthropic', openai: 'OpenAI', google: 'Google Vertex', deepseek: 'DeepInfra' };

const host = await startFakeHost({
  tokensPerSecond: 20, // slow enough that the answers still stream through the four pictures of room-side-streaming
  provider: (model) => PROVIDERS[model.split('/')[0]!] ?? 'FakeProvider',
  answer: (prompt, model) => (prompt === PROMPT ? ANSWER(model) : prompt === BLIND_PROMPT ? BLIND_ANSWERS[model] : undefined),
});
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  await page.goto(host.url);
  await pastFirstRun(page);
  for (const m of MODELS) await addModelById(page, m);
  const shootAll = (name: string) => shoot(page, OUT, name);
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

  // Blind: a new chat keeps the room's four models; their answers are lettered A to D until the vote
  await page.getByRole('button', { name: 'New chat' }).click();
  await page.getByRole('checkbox', { name: 'Blind' }).check();
  await layout('Grid, two per row');
  await box.fill(BLIND_PROMPT);
  await box.press('Enter');
  await page.getByRole('button', { name: 'Stop all answers (Esc)' }).waitFor();
  await page.getByRole('button', { name: 'Stop all answers (Esc)' }).waitFor({ state: 'detached', timeout: 60_000 });
  await page.getByRole('group', { name: 'Vote on this turn' }).waitFor();
  await page.mouse.move(0, 0);
  await shootAll('room-blind-before-vote');
  await page.getByRole('button', { name: 'Answer B is best' }).click();
  await page.getByRole('group', { name: 'Your vote on this turn' }).waitFor();
  await page.getByRole('article', { name: /^Answer from / }).first().waitFor();
  await page.mouse.move(0, 0);
  await shootAll('room-blind-after-vote');
  await layout('Side by side');
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await host.close();
}
