import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { pastFirstRun } from './support/room-actions';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import type { ChatRequest } from '../../shared/openrouter/chat-request';

// Assistants in Chromium against the built renderer and the real host: a room of three fake models (a system
// prompt, a column setting, blind on) saved as an assistant starts an identical room; its file exported from one
// profile imports into another; and all of it runs from the command palette with the keyboard alone.

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

const MODELS = ['e2e/alpha', 'e2e/beta', 'e2e/gamma'];

/** Ctrl+K, the command typed, Enter: nothing but keys. */
async function command(page: Page, text: string) {
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
  await page.keyboard.type(text);
  // as a user does, Enter once the command is listed (the palette reads the assistants as it opens)
  await page.getByRole('listbox', { name: 'Commands' }).getByRole('option').first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Command palette' }).waitFor({ state: 'detached' });
}

async function addModelByKeys(page: Page, slug: string) {
  await command(page, 'add model');
  const dialog = page.getByRole('dialog', { name: 'Add a model' });
  await dialog.waitFor();
  await page.keyboard.type(slug);
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

async function sendAndSettle(page: Page, text: string): Promise<ChatRequest[]> {
  const before = host.requests.length;
  const box = page.getByRole('textbox', { name: 'Prompt' });
  await box.fill(text);
  await box.press('Enter');
  await expect.poll(() => host.requests.length, { timeout: 15_000 }).toBe(before + MODELS.length);
  await expect.poll(() => host.backend.streams!.active().length, { timeout: 15_000 }).toBe(0);
  return host.requests.slice(before);
}

/** What a request carries from its column's setup: model, system prompt, temperature. */
function setupOf(requests: ChatRequest[]) {
  return requests
    .map((r) => ({ model: r.model ?? '', system: r.messages.filter((m) => m.role === 'system').map((m) => m.content), temperature: r.temperature ?? null }))
    .sort((a, b) => a.model.localeCompare(b.model));
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

let exported: { name: string; text: string } | null = null;

describe('assistants in Chromium', { timeout: 240_000 }, () => {
  it('saves a room as an assistant and starts an identical room from it, by keyboard through the palette', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    // the starters are listed; their models are not in this catalog, and the page says so
    await page.getByRole('list', { name: 'Starter assistants' }).getByText('None of its models is in your catalog.').first().waitFor();

    for (const m of MODELS) await addModelByKeys(page, m);
    await page.getByRole('group', { name: 'Column gamma' }).waitFor();
    // a system prompt on alpha, a temperature on beta (set with the column menu)
    for (const [label, field, value] of [['alpha', 'System prompt', 'Answer like a pirate.'], ['beta', 'Temperature', '0.3']] as const) {
      await page.getByRole('button', { name: `Column menu for ${label}` }).click();
      await page.getByRole('menuitem', { name: `Column settings for ${label}` }).click();
      const form = page.getByRole('form', { name: `Settings form for ${label}` });
      await form.getByLabel(field).fill(value);
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.waitFor({ state: 'detached' });
    }
    await command(page, 'blind on');
    await expect.poll(() => page.getByRole('checkbox', { name: 'Blind' }).isChecked()).toBe(true);
    const original = setupOf(await sendAndSettle(page, 'first question'));
    expect(original).toEqual([
      { model: 'e2e/alpha', system: ['Answer like a pirate.'], temperature: null },
      { model: 'e2e/beta', system: [], temperature: 0.3 },
      { model: 'e2e/gamma', system: [], temperature: null },
    ]);

    // save it through the palette: the editor opens with the room's models; type a name, Enter
    await command(page, 'save this room as an assistant');
    const editor = page.getByRole('dialog', { name: 'New assistant' });
    await editor.waitFor();
    expect(await editor.getByRole('list', { name: 'Models of this assistant' }).getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('e2e/alpha'),
      expect.stringContaining('e2e/beta'),
      expect.stringContaining('e2e/gamma'),
    ]);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Pirate panel');
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });

    // a new chat with it, from the palette: the same three models, blind, the assistant named in the room bar
    await command(page, 'new chat with pirate');
    await page.getByRole('group', { name: 'Column gamma' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Blind' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Assistant', { exact: true }).textContent()).toBe('Pirate panel');
    const again = setupOf(await sendAndSettle(page, 'second question'));
    expect(again).toEqual(original);
    // the stored room remembers its assistant, after a reload too
    await page.reload();
    await page.getByRole('button', { name: /^second question/ }).click();
    await page.getByRole('region', { name: 'Room: second question' }).waitFor();
    expect(await page.getByLabel('Assistant', { exact: true }).textContent()).toBe('Pirate panel');
    expect(await page.getByRole('checkbox', { name: 'Blind' }).isChecked()).toBe(true);

    // the assistants list (palette "show assistants"): export the file
    await command(page, 'show assistants');
    const mine = page.getByRole('list', { name: 'Your assistants' });
    await mine.getByRole('button', { name: 'Start Pirate panel' }).waitFor();
    exported = await download(page, () => mine.getByRole('button', { name: 'Export Pirate panel' }).click());
    expect(exported.name).toMatch(/^parley-assistant-pirate-panel-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(exported.text);
    expect(file).toMatchObject({ format: 'parley-assistant', version: 1, assistant: { name: 'Pirate panel', blind: true } });
    expect(file.assistant.columns).toEqual([
      { model: 'e2e/alpha', settings: { systemPrompt: 'Answer like a pirate.' } },
      { model: 'e2e/beta', settings: { temperature: 0.3 } },
      { model: 'e2e/gamma', settings: {} },
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports the exported file into another profile (a broken file is refused clearly) and starts the same room', async () => {
    expect(exported).not.toBeNull();
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(host.url);
    await pastFirstRun(page);
    expect(await page.getByRole('list', { name: 'Your assistants' }).count()).toBe(0);
    const picker = page.getByLabel('Import an assistant file');
    await picker.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(exported!.text.slice(0, 60)) });
    expect(await page.getByRole('alert').filter({ hasText: 'not valid JSON' }).textContent()).toMatch(/Nothing was imported\./);
    const bad = JSON.parse(exported!.text);
    bad.assistant.columns[1].settings.temperature = 9;
    await picker.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByRole('alert').filter({ hasText: 'assistant.columns[1].settings.temperature' }).waitFor();
    expect(await page.getByRole('list', { name: 'Your assistants' }).count()).toBe(0);

    await picker.setInputFiles({ name: exported!.name, mimeType: 'application/json', buffer: Buffer.from(exported!.text) });
    await page.getByRole('status').filter({ hasText: 'Imported “Pirate panel”.' }).waitFor();
    await page.getByRole('list', { name: 'Your assistants' }).getByRole('button', { name: 'Start Pirate panel' }).click();
    await page.getByRole('group', { name: 'Column gamma' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Blind' }).isChecked()).toBe(true);
    expect(setupOf(await sendAndSettle(page, 'third question'))).toEqual([
      { model: 'e2e/alpha', system: ['Answer like a pirate.'], temperature: null },
      { model: 'e2e/beta', system: [], temperature: 0.3 },
      { model: 'e2e/gamma', system: [], temperature: null },
    ]);
    await ctx.close();
  });
});
