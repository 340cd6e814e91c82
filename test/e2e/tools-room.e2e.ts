import { resolve } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { addModel } from './support/room-actions';
import { startHostProcess, type HostProcess } from './support/host-process';
import { startFakeOpenRouter, type FakeOpenRouter } from './support/openrouter-with-account';
import { sampleGeneration } from '../fakes/openrouter-account';
import type { RecordedRequest } from '../fakes';

// Tools in a room, in Chromium against the real host, engine and tool loop, with the stdio MCP fake (built with the
// SDK's server side) and a fake OpenRouter. Both models first ask for `echo`, then answer once they get its result:
//   openai/gpt-4o:                step 1 billed $0.0011, step 2 $0.0023 → the answer costs $0.0034
//   anthropic/claude-sonnet-4.5:  step 1 billed $0.0021, step 2 $0.0032 → $0.0053
// One call is allowed, the other denied; both answers finish, each with "2 steps" and the sum of its bills, and an
// export → import into a fresh browser profile keeps every step.

const OR_KEY = 'sk-or-e2e-tools-room-5151';
const STDIO_FAKE = resolve(import.meta.dirname, '../fakes/mcp/stdio-server.ts');
const BILLS: Record<string, [number, number]> = { 'openai/gpt-4o': [0.0011, 0.0023], 'anthropic/claude-sonnet-4.5': [0.0021, 0.0032] };

let openrouter: FakeOpenRouter;
let host: HostProcess;
let browser: Browser;

function reply(rec: RecordedRequest) {
  const body = rec.body as { model: string; messages: { role: string; content: unknown }[]; tools?: unknown[] };
  const model = body.model;
  const toolResult = body.messages.find((m) => m.role === 'tool');
  const [first, second] = BILLS[model]!;
  const step = toolResult ? 2 : 1;
  const id = `gen-e2e-tools-${model.replace(/\W/g, '')}-${step}`;
  const cost = step === 1 ? first : second;
  openrouter.account.state.generations[id] = { data: sampleGeneration(id, { model, total_cost: cost, usage: cost, tokens_prompt: 100 * step, tokens_completion: 20 }) };
  return {
    generationId: id,
    reply: toolResult
      ? { text: `The tool said: ${String(toolResult.content)}`, usage: { prompt: 200, completion: 20, cost } }
      : { text: 'Let me check.', toolCalls: [{ id: `call_${model.includes('gpt') ? 'gpt' : 'claude'}`, name: 'echo', arguments: { text: `hello from ${model}` } }], usage: { prompt: 100, completion: 20, cost } },
  };
}

beforeAll(async () => {
  openrouter = await startFakeOpenRouter(OR_KEY);
  openrouter.chat.setDefault((rec) => reply(rec));
  host = await startHostProcess();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await openrouter?.close();
});

async function addOpenRouter(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('list', { name: 'Configured providers' }).waitFor();
  const add = page.getByRole('button', { name: 'Add a key' });
  if (await add.isVisible()) await add.click();
  const form = page.getByRole('form', { name: 'Add a provider' });
  await form.getByRole('combobox', { name: 'Provider' }).selectOption('openrouter');
  await form.getByRole('textbox', { name: 'Name' }).fill('OpenRouter');
  await form.getByRole('textbox', { name: 'Base URL' }).fill(openrouter.url);
  await form.getByLabel('API key').fill(OR_KEY);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('list', { name: 'Configured providers' }).getByText(`configured ••••${OR_KEY.slice(-4)}`).waitFor();
}

async function addStdioServer(page: Page) {
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Tools' }).click();
  await page.getByRole('button', { name: 'Paste mcpServers JSON' }).click();
  const json = { mcpServers: { harbour: { command: process.execPath, args: ['--import', 'tsx', STDIO_FAKE] } } };
  await page.getByRole('textbox', { name: 'mcpServers JSON' }).fill(JSON.stringify(json));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').getByText('Added 1 server: harbour.').waitFor();
}

const answer = (page: Page, model: string) => page.getByRole('article', { name: new RegExp(`^Answer from .*${model.replace(/[.]/g, '\\.')}`) });

async function checkFinished(page: Page) {
  const gpt = answer(page, 'gpt-4o');
  const claude = answer(page, 'claude-sonnet-4.5');
  await gpt.getByLabel('Cost: $0.0034').waitFor({ timeout: 30_000 });
  await claude.getByLabel('Cost: $0.0053').waitFor({ timeout: 30_000 });
  for (const a of [gpt, claude]) expect(await a.locator('.stat-steps').innerText()).toBe('2 steps');
  // allowed: the result, folded; the model's answer after it
  const gptCard = gpt.getByRole('region', { name: 'Tool call echo on harbour' });
  expect(await gptCard.locator('.tool-decision').innerText()).toBe('allowed once');
  expect(await gptCard.getByLabel('Arguments of echo').innerText()).toBe('{\n  "text": "hello from openai/gpt-4o"\n}');
  await gptCard.getByLabel('Result of echo').click();
  await gptCard.getByText('stdio-fake: hello from openai/gpt-4o').first().waitFor();
  await gpt.getByText('The tool said: stdio-fake: hello from openai/gpt-4o').waitFor();
  // denied: said so, and the model was told
  const claudeCard = claude.getByRole('region', { name: 'Tool call echo on harbour' });
  expect(await claudeCard.locator('.tool-decision').innerText()).toBe('denied');
  await claudeCard.getByText('Denied: the tool was not run.').waitFor();
  await claude.getByText('The tool said: The user denied this tool call. It was not run.').waitFor();
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('tools in the room, in Chromium', () => {
  it('two columns ask for a tool: one call allowed, one denied, both answers finish costed as the sum of their steps; export → import keeps every step', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await addOpenRouter(page);
    await addStdioServer(page);

    await page.getByRole('button', { name: 'New chat' }).click();
    await addModel(page, 'openai/gpt-4o');
    await addModel(page, 'anthropic/claude-sonnet-4.5');
    const toolsButton = page.getByRole('button', { name: 'Tools: off' });
    await toolsButton.click();
    const picker = page.getByRole('dialog', { name: 'Tools for this room' });
    // the exact command line, to allow before it ever runs
    const confirm = picker.getByRole('group', { name: 'Confirm the command of harbour' });
    expect(await confirm.locator('pre').innerText()).toContain(STDIO_FAKE);
    await confirm.getByRole('button', { name: 'Allow this command' }).click();
    await picker.getByText('not started (starts when a model first needs it)').waitFor();
    await picker.getByRole('checkbox', { name: 'harbour: all tools' }).check();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Tools: 1 picked' }).waitFor();

    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('Say hello through the tool.');
    await box.press('Enter');

    const gpt = answer(page, 'gpt-4o');
    const claude = answer(page, 'claude-sonnet-4.5');
    await gpt.getByRole('button', { name: 'Allow echo once' }).click({ timeout: 30_000 });
    await claude.getByRole('button', { name: 'Deny echo' }).click({ timeout: 30_000 });
    await checkFinished(page);

    // what each column was offered went with the request; the second step carried the call and its result
    const toolRequests = openrouter.chat.requests.filter((r) => (r.body as { tools?: unknown[] }).tools);
    expect(toolRequests).toHaveLength(4);
    expect((toolRequests[0]!.body as { tools: { function: { name: string } }[] }).tools.map((t) => t.function.name)).toContain('echo');

    // export → import into a fresh profile: every step, decision, result and figure is back
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const json = await download(page, () => page.getByRole('button', { name: 'Export as JSON' }).click());
    const exported = JSON.parse(json) as { conversations: { messages: { toolSteps?: unknown[] }[] }[] };
    expect(exported.conversations[0]!.messages.filter((m) => m.toolSteps?.length === 2)).toHaveLength(2);

    const fresh = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const other = await fresh.newPage();
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(host.url);
    await other.getByRole('button', { name: 'Settings', exact: true }).click();
    await other.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Storage' }).click();
    await other.getByLabel('Import conversations').setInputFiles({ name: 'tools.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await other.getByRole('button', { name: /^Say hello through the tool/ }).click({ timeout: 30_000 });
    await checkFinished(other);
    expect(errors).toEqual([]);
    await fresh.close();
    await page.close();
  });
});
