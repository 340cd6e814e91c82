// Screenshots of assistants (the new-chat page's list with the starters, the editor, a room started from one) and
// of the command palette, at 1024×768 and 1920×1080, light and dark, against the built host (`npm run build`
// first) with the fake engine. Run: npx tsx scripts/screenshots-assistants.ts [outDir]
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { shoot } from './screenshots/shoot';
import type { ModelSummary } from '../shared/contract/models';
import { launchChromium } from '../test/e2e/support/browser';
import { startFakeHost } from '../test/e2e/support/fake-host';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');

const model = (id: string, name: string, inUsd: number, outUsd: number): ModelSummary => ({
  id, name, provider: id.split('/')[0]!, contextLength: 200_000, inputModalities: ['text'], outputModalities: ['text'], promptUsdPerMTok: inUsd,
  completionUsdPerMTok: outUsd, isFree: false, supportsReasoning: false, supportsTools: true, servedBy: ['OpenRouter'], servedByIds: ['openrouter'], pricing: null,
});
const MODELS = [
  model('anthropic/claude-sonnet-4.5', 'Anthropic: Claude Sonnet 4.5', 3, 15),
  model('openai/gpt-5', 'OpenAI: GPT-5', 1.25, 10),
  model('google/gemini-2.5-pro', 'Google: Gemini 2.5 Pro', 1.25, 10),
  model('google/gemini-2.5-flash-lite', 'Google: Gemini 2.5 Flash Lite', 0.1, 0.4),
  model('openai/gpt-5-nano', 'OpenAI: GPT-5 Nano', 0.05, 0.4),
];


async function palette(page: Page, text: string) {
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
  await page.keyboard.type(text);
}

async function main() {
  const host = await startFakeHost({ tokensPerSecond: 400, models: MODELS });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Talk to many models at once' }).waitFor();
    // one assistant of the user's, copied from a starter and renamed
    await page.getByRole('button', { name: 'Copy Compare three coding models to your assistants' }).click();
    const mine = page.getByRole('list', { name: 'Your assistants' });
    await mine.getByRole('button', { name: 'Edit Compare three coding models' }).click();
    const editor = page.getByRole('dialog', { name: /^Edit assistant/ });
    await editor.getByRole('textbox', { name: 'Name' }).fill('Code review panel');
    await editor.getByRole('textbox', { name: 'Description' }).fill('Three models review a diff');
    await shoot(page, outDir, 'assistants-editor');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await mine.getByRole('button', { name: 'Start Code review panel' }).waitFor();
    await shoot(page, outDir, 'assistants-list');

    await palette(page, '');
    await shoot(page, outDir, 'palette');
    await page.keyboard.type('new chat');
    await shoot(page, outDir, 'palette-filtered');
    await page.keyboard.press('Escape');

    await mine.getByRole('button', { name: 'Start Code review panel' }).click();
    await page.getByRole('group', { name: /^Column gemini/ }).waitFor();
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('Review: function add(a, b) { return a - b }');
    await box.press('Enter');
    await page.waitForTimeout(3000);
    await shoot(page, outDir, 'assistants-room');
    console.log(`screenshots written to ${outDir}`);
  } finally {
    await browser.close();
    await host.close();
  }
}

void main();
