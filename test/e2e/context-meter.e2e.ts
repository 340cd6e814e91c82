import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import { addModel, pastFirstRun } from './support/room-actions';
import type { ModelSummary } from '../../shared/contract/models';

// Issue 22, the context meter: a conversation outgrows a small model's window. The meter in the column header
// moves with every turn; once full, the room's choice applies: "stop" sends nothing and says why, "drop oldest"
// sends without the oldest turns (the fake engine's request lacks them) and marks them in the room.

const MODEL = 'e2e/alpha';
const small: ModelSummary = {
  id: MODEL, name: 'Alpha', provider: 'e2e', contextLength: 1500, inputModalities: ['text'], outputModalities: ['text'],
  promptUsdPerMTok: 1, completionUsdPerMTok: 1, isFree: false, supportsReasoning: false, supportsTools: false,
  servedBy: ['OpenRouter'], servedByIds: ['openrouter'], pricing: null,
};

let host: FakeHost;
let browser: Browser;

beforeAll(async () => {
  host = await startFakeHost({ tokensPerSecond: 2000, tokensPerChunk: 20, models: [small] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

// about 220 tokens per prompt and as many per answer (the fake echoes it): a turn takes about 29 % of the window
const words = (turn: number) => Array.from({ length: 60 }, (_, i) => `t${turn}w${i}`).join(' ').slice(0, 300);
const prompt = (turn: number) => `echo: turn ${turn} ${words(turn)}`;

async function send(page: Page, text: string, answered = true) {
  const box = page.getByRole('textbox', { name: 'Prompt' });
  await box.fill(text);
  await box.press('Enter');
  // the fake echoes the prompt: wait for that answer (no stream is active yet right after Enter)
  if (answered) await page.getByRole('article', { name: 'Answer from alpha' }).filter({ hasText: text.slice(6, 40) }).last().waitFor({ timeout: 30_000 });
  await expect.poll(() => host.backend.streams!.active().length, { timeout: 30_000 }).toBe(0);
  await page.getByLabel('Streaming').waitFor({ state: 'detached', timeout: 30_000 });
}

const meter = (page: Page) => page.getByRole('meter', { name: 'Context of alpha' });
const fill = async (page: Page) => Number(await meter(page).getAttribute('aria-valuenow'));

describe('the context meter in Chromium', () => {
  it('moves with the conversation; when full, stops with a reason, then drops and marks the oldest turns', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await addModel(page, MODEL);

    const seen: number[] = [];
    for (let turn = 1; turn <= 3; turn++) {
      await send(page, prompt(turn));
      await expect.poll(() => fill(page), { timeout: 20_000 }).toBeGreaterThan(seen.at(-1) ?? 0);
      seen.push(await fill(page));
    }
    expect(seen[0]).toBeGreaterThan(10);
    expect(seen[2]).toBeGreaterThan(seen[1]!);
    await meter(page).focus();
    await expect.poll(() => meter(page).getAttribute('aria-valuetext')).toMatch(/^Next prompt: its own history, 3 turns, [\d,]+ of 1,500 tokens/);
    expect(await page.getByRole('tooltip').textContent()).toMatch(/^Next prompt: its own history, 3 turns/);

    // the third turn passed 80 %: the room's choice shows (stop by default); the fourth does not fit
    expect(seen[2]).toBeGreaterThanOrEqual(80);
    const choice = page.getByRole('combobox', { name: 'When the context of alpha is full' });
    await expect.poll(() => choice.inputValue()).toBe('stop');
    const before = host.requests.length;
    await send(page, prompt(4), false);
    await page.getByRole('alert').filter({ hasText: /^Not sent: this conversation needs about/ }).waitFor();
    expect(host.requests.length).toBe(before);
    await expect.poll(() => fill(page), { timeout: 20_000 }).toBe(100);

    // drop oldest: the request lacks the first turns, and the room marks them
    await choice.selectOption('drop-oldest');
    await send(page, prompt(5));
    expect(host.requests.length).toBe(before + 1);
    const sent = JSON.stringify(host.requests.at(-1)!.messages);
    expect(sent).not.toContain('turn 1 ');
    expect(sent).toContain('turn 5 ');
    // the first turn is above the screen now: the user scrolls up to it
    await page.getByRole('log', { name: 'Messages' }).evaluate((el) => el.scrollTo({ top: 0 }));
    const firstPrompt = page.getByRole('article', { name: 'Your prompt' }).filter({ hasText: 'turn 1 ' });
    await firstPrompt.getByText(`Not sent to ${MODEL}: context full`).waitFor();
    await page.getByRole('log', { name: 'Messages' }).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const lastPrompt = page.getByRole('article', { name: 'Your prompt' }).filter({ hasText: 'turn 5 ' });
    expect(await lastPrompt.getByText(/context full/).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 240_000);
});
