import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import type { ModelSummary } from '../../shared/contract/models';
import { openModelPicker, pastFirstRun } from './support/room-actions';

// "What would this conversation have cost?" in Chromium against the built renderer and the real host: a room of two
// fake models, one turn; Reprice lists both models at the same usage priced with the catalog (checked by hand from
// the token counts each answer shows), adds a third, cheaper model at the top, and removes one.

const model = (id: string, prompt: string, completion: string): ModelSummary => ({
  id, name: id.split('/')[1]!, provider: 'e2e', contextLength: 100_000, inputModalities: ['text'], outputModalities: ['text'],
  promptUsdPerMTok: Number(prompt) * 1e6, completionUsdPerMTok: Number(completion) * 1e6, isFree: false, supportsReasoning: false, supportsTools: false,
  servedBy: ['Fake'], servedByIds: ['fake'], pricing: { prompt, completion },
});
// µ$ per token: kestrel 1 in / 2 out, osprey 3 / 4, heron 0.5 / 1
const MODELS = [model('e2e/kestrel', '0.000001', '0.000002'), model('e2e/osprey', '0.000003', '0.000004'), model('e2e/heron', '0.0000005', '0.000001')];

let host: FakeHost;
let browser: Browser;

beforeAll(async () => {
  host = await startFakeHost({ tokensPerSecond: 300, models: MODELS, env: { ANTHROPIC_API_KEY: 'sk-ant-e2e-reprice-0000' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

async function addModel(page: Page, slug: string) {
  await openModelPicker(page);
  const dialog = page.getByRole('dialog', { name: 'Add a model' });
  await dialog.getByRole('searchbox', { name: 'Search models' }).fill(slug);
  await dialog.getByRole('button', { name: new RegExp(`\\(${slug.replace('/', '\\/')}\\)$`) }).click();
  await dialog.waitFor({ state: 'detached' });
}

const micros = (text: string) => Math.round(Number(/\$([\d,]+\.\d+)/.exec(text)![1]!.replace(/,/g, '')) * 1_000_000);

describe('reprice a conversation', () => {
  it('prices the same usage on each model, hand-checked from the token counts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await addModel(page, 'e2e/kestrel');
    await addModel(page, 'e2e/osprey');
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('how do tides work?');
    await box.press('Enter');
    await expect.poll(() => host.backend.streams!.active().length, { timeout: 15_000 }).toBe(0);

    // the usage each answer shows: "18 in · 15 out"
    const usage: Record<string, [number, number]> = {};
    for (const m of ['kestrel', 'osprey']) {
      const article = page.getByRole('article', { name: `Answer from ${m}` });
      await article.getByText(/^Answer from e2e\//).waitFor({ timeout: 15_000 });
      const [, i, o] = /(\d+) in · (\d+) out/.exec((await article.textContent())!)!;
      usage[m] = [Number(i), Number(o)];
    }
    const tokensIn = usage.kestrel![0] + usage.osprey![0];
    const tokensOut = usage.kestrel![1] + usage.osprey![1];

    await page.getByRole('button', { name: 'Reprice', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'What would this have cost?' });
    const table = dialog.getByRole('table', { name: 'Cost on each model' });
    await table.waitFor();
    const rows = async () =>
      table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!, tr.querySelectorAll('td')[0]!.textContent!]));
    // both requests on kestrel: in·1 + out·2; on osprey: in·3 + out·4 (µ$), cheaper first, both marked as used
    // (a request recorded after the dialog opened joins it)
    await expect.poll(async () => (await rows()).map(([name, cost]) => [name, micros(cost)])).toEqual([
      ['e2e/kestrel used', tokensIn * 1 + tokensOut * 2],
      ['e2e/osprey used', tokensIn * 3 + tokensOut * 4],
    ]);

    await dialog.getByRole('combobox', { name: 'Model to compare' }).fill('e2e/heron');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => (await rows()).map(([n]) => n)).toEqual(['e2e/heron', 'e2e/kestrel used', 'e2e/osprey used']);
    expect(micros((await rows())[0]![1])).toBe(Math.round(tokensIn * 0.5 + tokensOut * 1));
    await dialog.getByRole('button', { name: 'Remove e2e/osprey' }).click();
    await expect.poll(async () => (await rows()).length).toBe(2);

    // Sonnet on the user's own Anthropic key: Anthropic's bundled price table, $3 in and $15 out per million (µ$ 3 and
    // 15 per token); the fake models' token counts are kept as they are (no measured ratio), so the figure is "≈";
    // a direct key passes no fee to OpenRouter and buys no credits
    const sonnet = 'anthropic/claude-sonnet-4.5';
    await dialog.getByRole('combobox', { name: 'Model to compare' }).fill(sonnet);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByRole('combobox', { name: `Provider for ${sonnet}` }).selectOption({ label: 'Anthropic (own key)' });
    const sonnetRow = table.locator('tbody tr', { hasText: `${sonnet} via Anthropic` });
    const sonnetCells = await sonnetRow.locator('td').allTextContents();
    expect(sonnetCells[0]).toMatch(/^≈ /);
    expect(micros(sonnetCells[0]!)).toBe(tokensIn * 3 + tokensOut * 15);
    expect(sonnetCells.slice(3, 5)).toEqual(['—', '—']);
    await dialog.getByRole('button', { name: `Remove ${sonnet} via Anthropic` }).click();
    await expect.poll(async () => (await rows()).length).toBe(2);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // one answer alone, from its "Explain this cost": kestrel's usage only
    const kestrel = page.getByRole('article', { name: 'Answer from kestrel' });
    await kestrel.getByRole('button', { name: /Explain this cost/ }).first().click();
    await kestrel.getByRole('button', { name: 'On other models…' }).click();
    await table.waitFor();
    expect(await dialog.textContent()).toContain('1 request, actually');
    expect((await rows()).map(([name, cost]) => [name, micros(cost)])).toEqual([['e2e/kestrel used', usage.kestrel![0] * 1 + usage.kestrel![1] * 2]]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
