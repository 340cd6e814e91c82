// Screenshots of web search in a room (the room's toggle, sources under two answers, the column's web search
// settings) at 1024×768 and 1920×1080, light and dark, against the built host (`npm run build` first) with the
// fake OpenRouter and Anthropic of the web-search E2E. Run: npx tsx scripts/screenshots-web-search.ts [outDir]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/browser';
import { startHostProcess } from '../test/e2e/support/host-process';
import { startFakeOpenRouter } from '../test/e2e/support/openrouter-with-account';
import { addModel } from '../test/e2e/support/room-actions';
import { startFakeUpstream } from '../test/fakes';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
const FIXTURES = resolve('test/fixtures/web-search');
const OR_KEY = 'sk-or-screenshot-0001';
const ANT_KEY = 'sk-ant-screenshot-0002';

async function addProvider(page: Page, kind: string, name: string, url: string, key: string) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('list', { name: 'Configured providers' }).waitFor();
  // the form is open while no key is configured; after that, "Add a key" opens it
  const add = page.getByRole('button', { name: 'Add a key' });
  if (await add.isVisible()) await add.click();
  const form = page.getByRole('form', { name: 'Add a provider' });
  await form.getByRole('combobox', { name: 'Provider' }).selectOption(kind);
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('textbox', { name: 'Base URL' }).fill(url);
  await form.getByLabel('API key').fill(key);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('list', { name: 'Configured providers' }).getByText(`configured ••••${key.slice(-4)}`).waitFor();
}

async function main() {
  const openrouter = await startFakeOpenRouter(OR_KEY);
  const lines = readFileSync(join(FIXTURES, 'openrouter-web-plugin.chunks.txt'), 'utf8').split('\n').filter(Boolean);
  openrouter.chat.setDefault(() => ({ frames: [...lines.map((l) => `data: ${l.replaceAll('openai/gpt-4o', 'openai/gpt-6-sol')}\n\n`), 'data: [DONE]\n\n'] }));
  const anthropic = await startFakeUpstream('anthropic', { requireKey: ANT_KEY });
  anthropic.setDefault(() => ({ fixture: join(FIXTURES, 'anthropic-web-search.chunks.txt') }));
  const host = await startHostProcess({});
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(host.url);
    await addProvider(page, 'openrouter', 'OpenRouter', openrouter.url, OR_KEY);
    await addProvider(page, 'anthropic', 'Anthropic', anthropic.url, ANT_KEY);
    await page.getByRole('button', { name: 'New chat' }).click();
    await addModel(page, 'openai/gpt-6-sol');
    await addModel(page, 'anthropic/claude-sonnet-4.5');
    await page.getByRole('checkbox', { name: 'Web search' }).check();
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('When is high tide in Brest?');
    await box.press('Enter');
    await page.getByRole('region', { name: 'Sources' }).nth(1).waitFor({ timeout: 20_000 });
    for (const [w, h] of [[1024, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${outDir}/web-search-room-${w}-${scheme}.png` });
      }
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: /^Column menu for / }).first().click();
    await page.getByRole('menuitem', { name: /^Column settings for / }).click();
    const form = page.getByRole('form', { name: /^Settings form for / });
    await form.getByRole('group', { name: 'Web search' }).scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300);
      await form.screenshot({ path: `${outDir}/web-search-column-settings-${scheme}.png` });
    }
    console.log(`screenshots written to ${outDir}`);
  } finally {
    await browser.close();
    await host.stop();
    await anthropic.close();
    await openrouter.close();
  }
}

void main();
