// Screenshots of tools in a room (the room bar's Tools picker, approval cards waiting, then the finished loop with
// a result open) at 1024×768 and 1920×1080, light and dark, against the built host (`npm run build` first), the
// stdio MCP fake of test/fakes/mcp/ and a fake OpenRouter whose models ask for `echo`, then answer.
// Run: npx tsx scripts/screenshots-room-tools.ts [outDir]
import { resolve } from 'node:path';
import { shoot } from './screenshots/shoot';
import { launchChromium } from '../test/e2e/support/browser';
import { startHostProcess } from '../test/e2e/support/host-process';
import { startFakeOpenRouter } from '../test/e2e/support/openrouter-with-account';
import { addModel } from '../test/e2e/support/room-actions';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
const OR_KEY = 'sk-or-screenshot-tools-0003';
const STDIO_FAKE = resolve('test/fakes/mcp/stdio-server.ts');


async function main() {
  const openrouter = await startFakeOpenRouter(OR_KEY);
  openrouter.chat.setDefault((rec) => {
    const body = rec.body as { model: string; messages: { role: string; content: unknown }[] };
    const result = body.messages.find((m) => m.role === 'tool');
    return result
      ? { reply: { text: `The harbour tool answered: **${String(result.content)}**. That is all it said.`, usage: { prompt: 240, completion: 24, cost: 0.0021 } } }
      : { reply: { text: 'I will ask the harbour tool.', toolCalls: [{ id: `call_${body.model.length}`, name: 'echo', arguments: { text: `tide times for Brest, asked by ${body.model}` } }], usage: { prompt: 120, completion: 18, cost: 0.0012 } } };
  });
  const host = await startHostProcess({});
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const form = page.getByRole('form', { name: 'Add a provider' });
    await form.getByRole('combobox', { name: 'Provider' }).selectOption('openrouter');
    await form.getByRole('textbox', { name: 'Name' }).fill('OpenRouter');
    await form.getByRole('textbox', { name: 'Base URL' }).fill(openrouter.url);
    await form.getByLabel('API key').fill(OR_KEY);
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('list', { name: 'Configured providers' }).getByText(`configured ••••${OR_KEY.slice(-4)}`).waitFor();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Tools' }).click();
    await page.getByRole('button', { name: 'Paste mcpServers JSON' }).click();
    await page.getByRole('textbox', { name: 'mcpServers JSON' }).fill(JSON.stringify({ mcpServers: { harbour: { command: process.execPath, args: ['--import', 'tsx', STDIO_FAKE] } } }));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').getByText('Added 1 server: harbour.').waitFor();

    await page.getByRole('button', { name: 'New chat' }).click();
    await addModel(page, 'openai/gpt-4o');
    await addModel(page, 'anthropic/claude-sonnet-4.5');
    await page.getByRole('button', { name: 'Tools: off' }).click();
    const picker = page.getByRole('dialog', { name: 'Tools for this room' });
    await shoot(page, outDir, 'room-tools-confirm');
    await picker.getByRole('button', { name: 'Allow this command' }).click();
    await picker.getByRole('button', { name: 'Start harbour to list its tools' }).click();
    await picker.getByRole('group', { name: 'Tools of harbour' }).waitFor({ timeout: 20_000 });
    await picker.getByRole('checkbox', { name: 'harbour: all tools' }).check();
    await shoot(page, outDir, 'room-tools-picker');
    await page.keyboard.press('Escape');

    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('When is high tide in Brest?');
    await box.press('Enter');
    await page.getByRole('button', { name: 'Deny echo' }).nth(1).waitFor({ timeout: 30_000 });
    await shoot(page, outDir, 'room-tools-approval');
    await page.getByRole('button', { name: 'Allow echo once' }).first().click();
    await page.getByRole('button', { name: 'Deny echo' }).first().click();
    await page.getByText('2 steps').nth(1).waitFor({ timeout: 30_000 });
    await page.getByLabel('Result of echo').first().click();
    await shoot(page, outDir, 'room-tools-done');
    console.log(`screenshots written to ${outDir}`);
  } finally {
    await browser.close();
    await host.stop();
    await openrouter.close();
  }
}

void main();
