import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import { openModelPicker, pastFirstRun, addModelById as addModel } from './support/room-actions';

// Which model to ask, from this user's own votes, in Chromium against the built renderer and the real host: after
// three code prompts where kestrel's answer was picked over osprey's, typing a code prompt shows the hint, the
// leaderboard's "Prompt kind" filter keeps those votes, and a "My best" column answers a code prompt with kestrel
// (saying why) and refuses a chat prompt it has no record for, saying why.

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

const settle = (host: FakeHost) => expect.poll(() => host.backend.streams!.active().length, { timeout: 15_000 }).toBe(0);

describe('my best model, from my votes', () => {
  it('hints the preferred model while typing, filters the leaderboard by kind, and resolves a "My best" column', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await addModel(page, 'e2e/kestrel');
    await addModel(page, 'e2e/osprey');
    const box = page.getByRole('textbox', { name: 'Prompt' });

    for (const n of [1, 2, 3]) {
      await box.fill(`fix the bug in this python function, case ${n}`);
      await box.press('Enter');
      await settle(host);
      const kestrel = page.getByRole('article', { name: 'Answer from kestrel' }).last();
      await kestrel.getByText(/^Answer from e2e\/kestrel to/).waitFor({ timeout: 15_000 });
      await page.getByRole('group', { name: 'Vote on this turn', exact: true }).getByRole('button', { name: /kestrel/ }).click();
      await expect.poll(() => page.getByRole('group', { name: 'Vote on this turn', exact: true }).count(), { timeout: 15_000 }).toBe(0);
    }

    // the hint, once typing pauses (votes are re-read a few seconds after the ledger changes)
    await box.fill('my javascript code throws a TypeError, debug it');
    const hint = page.getByRole('status', { name: 'Suggested model' });
    await hint.waitFor({ timeout: 15_000 });
    expect(await hint.textContent()).toMatch(/For code prompts like this you preferred e2e\/kestrel \(won 3 of 3, \$[\d.]+ per win\)/);
    await box.fill('');

    // the leaderboard filtered to code prompts keeps the three votes; writing prompts have none
    await page.getByRole('button', { name: 'Leaderboard' }).click();
    const kind = page.getByRole('combobox', { name: 'Prompt kind' });
    await kind.selectOption('code');
    expect(await page.getByRole('status').filter({ hasText: /votes? ·/ }).textContent()).toBe('3 votes · 2 models');
    await kind.selectOption('writing');
    await page.getByText('No votes match these filters.').waitFor();

    // a new chat keeps the two models; add "My best"
    await page.getByRole('button', { name: 'New chat' }).click();
    await openModelPicker(page);
    await page.getByRole('dialog', { name: 'Add a model' }).getByRole('button', { name: /My best/ }).click();
    await page.getByRole('group', { name: 'Column My best' }).waitFor();
    await box.fill('my rust program panics with index out of bounds');
    await box.press('Enter');
    await settle(host);
    const mine = page.getByRole('article', { name: 'Answer from My best' });
    // the fake answers with the model it was asked for: kestrel
    await mine.getByText(/^Answer from e2e\/kestrel to "my rust program panics/).waitFor({ timeout: 15_000 });
    expect(await mine.locator('.chosen-by').textContent()).toMatch(/^e2e\/kestrel, chosen by My best for code prompts: won 3 of 3 of your votes, \$[\d.]+ per win$/);

    // a chat prompt: no record, so that column says why instead of guessing
    await box.fill('hi there, how are you?');
    await box.press('Enter');
    await settle(host);
    await page.getByRole('article', { name: 'Answer from My best' }).last().getByText(/My best: no model has won chat prompts/).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
