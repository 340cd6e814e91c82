import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import { pastFirstRun, addModelById as addModel } from './support/room-actions';

// My prompts replayed on a new model, in Chromium against the built renderer and the real host: five prompts voted
// in a room of kestrel and osprey; the leaderboard's Replay runs them on kestrel (the favourite) and heron (new) as
// blind turns in a new room, each with the history it was first asked with; voting heron best three times out of
// five puts heron on the leaderboard, filtered to the replay's room, with its cost per win.

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

const settle = () => expect.poll(() => host.backend.streams!.active().length, { timeout: 20_000 }).toBe(0);
const unvoted = (page: Page) => page.getByRole('group', { name: 'Vote on this turn', exact: true });

/** The prompt of the oldest turn still awaiting a vote: the list is read from the top a screen at a time, as a user
 * scrolls. Read in one step in the page, because a row near the edge of the screen can leave the page (virtualized)
 * between two separate looks at it. */
async function firstUnvotedPrompt(page: Page): Promise<string> {
  const log = page.getByRole('log', { name: 'Messages' });
  await log.evaluate((el) => el.scrollTo({ top: 0 }));
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100); // the list renders the rows now on screen
    const prompt = await log.evaluate((el) => {
      for (const turn of el.querySelectorAll('.turn')) {
        if (turn.querySelector('[role="group"][aria-label="Vote on this turn"]')) return turn.querySelector('.user-text')?.textContent ?? null;
      }
      return null;
    });
    if (prompt) return prompt;
    const atEnd = await log.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollBy({ top: el.clientHeight * 0.8 });
      return end;
    });
    if (atEnd) break;
  }
  throw new Error('no turn awaiting a vote');
}

/** Votes the answer whose text names `model` best in the oldest turn awaiting a vote; that turn is brought to the middle
 * of the screen first. Looked for again if the list moved it out of the page before the click. */
async function voteOldest(page: Page, model: string) {
  for (let attempt = 1; ; attempt++) {
    const prompt = await firstUnvotedPrompt(page);
    const turn = page.locator('.turn').filter({ has: page.locator('.user-text', { hasText: prompt }) });
    try {
      await turn.evaluate((el) => el.scrollIntoView({ block: 'center' }), undefined, { timeout: 5_000 });
      const answer = turn.getByRole('article', { name: /^Answer [A-Z]$/ }).filter({ hasText: `Answer from ${model}` });
      const letter = (await answer.getAttribute('aria-label', { timeout: 5_000 }))!.slice(-1);
      await turn.getByRole('button', { name: `Answer ${letter} is best` }).click({ timeout: 5_000 });
    } catch (e) {
      if (attempt === 3) throw e;
      continue;
    }
    await turn.getByRole('group', { name: 'Your vote on this turn' }).waitFor();
    return;
  }
}

/** Turns awaiting a vote anywhere in the room, counted as the user would: scrolling from the top to the end. */
async function unvotedAnywhere(page: Page): Promise<number> {
  const log = page.getByRole('log', { name: 'Messages' });
  const seen = new Set<string>();
  await log.evaluate((el) => el.scrollTo({ top: 0 }));
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(100);
    for (const t of await page.locator('.turn').filter({ has: unvoted(page) }).locator('.user-text').allTextContents()) seen.add(t);
    const atEnd = await log.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollBy({ top: el.clientHeight * 0.8 });
      return end;
    });
    if (atEnd) break;
  }
  return seen.size;
}

describe('replay my prompts on a new model', () => {
  it('runs five voted prompts blind on the favourite and a new model; the votes put the new model on the leaderboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await addModel(page, 'e2e/kestrel');
    await addModel(page, 'e2e/osprey');
    const box = page.getByRole('textbox', { name: 'Prompt' });
    for (let n = 1; n <= 5; n++) {
      await box.fill(`question ${n}: how should I plan step ${n}?`);
      await box.press('Enter');
      await settle();
      await unvoted(page).getByRole('button', { name: /kestrel/ }).click();
      await expect.poll(() => unvoted(page).count(), { timeout: 15_000 }).toBe(0);
    }
    const before = host.requests.length;

    // the leaderboard: replay every voted prompt on kestrel (suggested: the favourite) and heron (added)
    await page.getByRole('button', { name: 'Leaderboard' }).click();
    await page.getByRole('button', { name: 'Replay these 5 prompts…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replay prompts' });
    expect(await dialog.getByRole('group', { name: 'Models to run them on' }).textContent()).toContain('e2e/kestrel');
    await dialog.getByRole('combobox', { name: 'Model to add' }).fill('e2e/heron');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByRole('status').getByText(/^5 prompts × 2 models: about/).waitFor();
    await dialog.getByRole('button', { name: 'Start replay' }).click();

    // a new blind room: one turn per prompt, each linked to where it was first asked
    const progress = page.getByRole('status', { name: 'Replay progress' });
    await progress.getByText(/Replay: 5 of 5 prompts sent · finished/).waitFor({ timeout: 60_000 });
    await settle();
    expect(await page.getByText('Replayed from').count()).toBeGreaterThan(0);
    // each replayed turn sent its original history: turn n carries the n − 1 earlier prompts of the first room
    const replayed = host.requests.slice(before).map((r) => (r as { model: string; messages: { role: string; content: unknown }[] }));
    expect(replayed).toHaveLength(10);
    for (const r of replayed) {
      const users = r.messages.filter((m) => m.role === 'user').map((m) => String(m.content));
      const n = Number(/question (\d)/.exec(users[users.length - 1]!)![1]);
      expect(users).toHaveLength(n);
    }
    expect(new Set(replayed.map((r) => r.model))).toEqual(new Set(['e2e/kestrel', 'e2e/heron']));

    // vote blind, oldest turn first: heron's answer (its text names it, as the fake writes) best in three turns,
    // kestrel in two. Only the turns near the screen are in the page, so the user scrolls to each turn not voted yet.
    for (let n = 0; n < 5; n++) await voteOldest(page, n < 3 ? 'e2e/heron' : 'e2e/kestrel');
    await expect.poll(() => unvotedAnywhere(page)).toBe(0);

    // the leaderboard for the replay's room: heron ranked with its cost per win
    await page.getByRole('button', { name: 'Leaderboard' }).click();
    await page.getByRole('combobox', { name: 'Room filter' }).selectOption({ label: 'Replay: 5 prompts on e2e/kestrel, e2e/heron' });
    await page.getByRole('spinbutton', { name: /Rank models with at least/ }).fill('1');
    const table = page.getByRole('table', { name: 'Models ranked by your votes' });
    const heron = table.getByRole('row').filter({ has: page.getByRole('button', { name: 'Votes behind e2e/heron' }) });
    const cells = await heron.locator('td').allTextContents();
    expect(cells[2]).toMatch(/^3–/); // wins, in the W–L–T column
    expect(await heron.locator('td.cost-per-win').textContent()).toMatch(/^\$[\d.]+$/); // cost per win
    expect(errors).toEqual([]);
    await page.close();
  });
});
