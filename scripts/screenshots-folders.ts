// Screenshots of the sidebar's folders (folders with counts, filters, two conversations selected with the bulk
// bar, and the row menu's "Move to folder" list) at 1024×768 and 1920×1080, light and dark, against the built
// renderer and a fake engine (`npm run build` first). Run: npx tsx scripts/screenshots-folders.ts [outDir]
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { shoot } from './screenshots/shoot';
import { launchChromium } from '../test/e2e/support/browser';
import { startFakeHost } from '../test/e2e/support/fake-host';
import { addModelById as addModel, pastFirstRun } from '../test/e2e/support/room-actions';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');


async function converse(page: Page, prompt: string, models: string[]) {
  await page.getByRole('button', { name: 'New chat' }).click();
  for (const m of models) if ((await page.getByRole('group', { name: `Column ${m.split('/')[1]}` }).count()) === 0) await addModel(page, m);
  const box = page.getByRole('textbox', { name: 'Prompt' });
  await box.fill(prompt);
  await box.press('Enter');
  await page.getByRole('list', { name: 'Conversation list' }).getByRole('button', { name: new RegExp(`^${prompt}`) }).waitFor();
}

async function folder(page: Page, name: string) {
  await page.getByRole('button', { name: 'New folder' }).click();
  await page.getByRole('textbox', { name: 'Folder name' }).fill(name);
  await page.getByRole('textbox', { name: 'Folder name' }).press('Enter');
  await page.getByRole('group', { name: 'Folders' }).getByRole('button', { name: new RegExp(`^${name}`) }).waitFor();
}

async function moveTo(page: Page, title: string, name: string) {
  await page.getByRole('button', { name: `Actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: 'Move to folder…' }).click();
  await page.getByRole('menuitemradio', { name }).click();
}


async function main() {
  const host = await startFakeHost({ tokensPerSecond: 2000 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(host.url);
    await pastFirstRun(page);
    await converse(page, 'Plan a week in Lisbon', ['e2e/alpha', 'e2e/beta']);
    await converse(page, 'Explain B-trees simply', ['e2e/alpha', 'e2e/beta']);
    await converse(page, 'Review this SQL migration', ['e2e/alpha', 'e2e/beta']);
    await converse(page, 'Draft a cover letter', ['e2e/alpha', 'e2e/beta']);
    await converse(page, 'Summarise the Q3 report', ['e2e/alpha', 'e2e/beta']);
    await folder(page, 'Work');
    await folder(page, 'Travel');
    await folder(page, 'Learning');
    await moveTo(page, 'Review this SQL migration', 'Work');
    await moveTo(page, 'Summarise the Q3 report', 'Work');
    await moveTo(page, 'Plan a week in Lisbon', 'Travel');
    const list = page.getByRole('list', { name: 'Conversation list' });
    await list.getByRole('button', { name: /^Explain B-trees simply/ }).click({ modifiers: ['Control'] });
    await list.getByRole('button', { name: /^Draft a cover letter/ }).click({ modifiers: ['Control'] });
    await page.getByText('2 selected').waitFor();
    await shoot(page, outDir, 'sidebar-folders-selected');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Clear the selection' }).click();
    await page.getByRole('button', { name: 'Actions for Explain B-trees simply' }).click();
    await page.getByRole('menuitem', { name: 'Move to folder…' }).click();
    await shoot(page, outDir, 'sidebar-folders-move-menu');
  } finally {
    await browser.close();
    await host.close();
  }
}

await main();
