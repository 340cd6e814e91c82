import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { addModel } from './support/room-actions';
import { hostShell, electronShell, type Shell } from './support/shells';
import { startFakeUpstream, type FakeUpstream } from '../fakes';

// The chatroom as a user meets it: the real main-process code, the real engine and adapters, and a fake
// OpenRouter on 127.0.0.1 speaking its exact wire format. Each model answers at its own pace so there is time to
// stop one, regenerate another, branch, and reload mid-stream. The same journey runs over both transports: the
// loopback host (`npm run host`, WebSocket) and the Electron shell (built main and preload, IPC; the `electron`
// module is the stand-in in support/electron-stand-in, since the binary cannot be downloaded everywhere).

const PACE: Record<string, number> = { 'openai/gpt-4o': 60, 'anthropic/claude-sonnet-4.5': 8, 'google/gemini-2.5-flash': 40 };
const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i} `);

async function startJourneyUpstream(): Promise<FakeUpstream> {
  const upstream = await startFakeUpstream('openrouter', { requireKey: 'sk-or-e2e-key-1234' });
  let n = 0;
  upstream.setDefault((req) => {
    const model = String((req.body as { model?: string }).model);
    const tag = `${model.split('/')[1]!.split('-')[0]}${++n}w`; // gpt1w0 … / claude2w0 … / gemini3w0 …
    return {
      reply: { text: words(model.startsWith('anthropic') ? 160 : 30, tag), usage: { prompt: 20, completion: 30, cost: 0.000123 }, provider: 'FakeProvider' },
      tokensPerSecond: PACE[model] ?? 50,
    };
  });
  return upstream;
}

const answer = (page: Page, label: string) => page.getByRole('article', { name: `Answer from ${label}` });

describe.each([hostShell, electronShell])('a user comparing three models over $transport', ({ start }) => {
  let upstream: FakeUpstream;
  let shell: Shell;
  let browser: Browser;

  beforeAll(async () => {
    upstream = await startJourneyUpstream();
    shell = await start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
    await upstream?.close();
  });

  it('configures a key, streams three answers with costs, stops, regenerates, branches, reloads mid-stream and finds everything', async () => {
    const page = await shell.open(browser);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // 1. A key, typed once, pointing at the (fake) OpenRouter.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const form = page.getByRole('form', { name: 'Add a provider' });
    await form.getByRole('combobox', { name: 'Provider' }).selectOption('openrouter');
    await form.getByRole('textbox', { name: 'Name' }).fill('OpenRouter');
    await form.getByRole('textbox', { name: 'Base URL' }).fill(upstream.url);
    await form.getByLabel('API key').fill('sk-or-e2e-key-1234');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('list', { name: 'Configured providers' }).getByText('configured ••••1234').waitFor();

    // 2. Three models, one prompt.
    await page.getByRole('button', { name: 'New chat' }).click();
    for (const slug of Object.keys(PACE)) await addModel(page, slug);
    for (const label of ['gpt-4o', 'claude-sonnet-4.5', 'gemini-2.5-flash']) await page.getByRole('group', { name: `Column ${label}` }).waitFor();
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('Introduce yourselves');
    await box.press('Enter');

    // 3. They stream side by side; finished answers show their cost.
    await answer(page, 'gpt-4o').getByText('gpt1w29').waitFor({ timeout: 20_000 });
    await answer(page, 'gpt-4o').getByLabel(/^Cost: \$0\.000123/).waitFor();
    await answer(page, 'gemini-2.5-flash').getByText(/gemini\d+w29/).waitFor({ timeout: 20_000 });
    await answer(page, 'claude-sonnet-4.5').getByText(/claude\d+w3 /).waitFor();

    // 4. Stop the slow one mid-answer: what it said stays.
    await page.getByRole('button', { name: 'Stop claude-sonnet-4.5' }).click();
    await answer(page, 'claude-sonnet-4.5').getByText('Stopped.').waitFor();
    const stoppedText = await answer(page, 'claude-sonnet-4.5').innerText();
    expect(stoppedText).toMatch(/claude\d+w3 /);
    expect(stoppedText).not.toMatch(/w159/);

    // 5. Regenerate another: a sibling with a switcher.
    await page.getByRole('button', { name: 'Regenerate gemini-2.5-flash' }).click();
    await page.getByRole('group', { name: 'Answer versions' }).getByText('2/2').waitFor({ timeout: 20_000 });
    await answer(page, 'gemini-2.5-flash').getByText(/gemini\d+w29/).waitFor({ timeout: 20_000 });

    // 6. Edit the prompt into a branch; the old branch is kept.
    await page.getByRole('button', { name: 'Edit prompt' }).first().click();
    await page.getByRole('textbox', { name: 'Edit prompt' }).fill('Introduce yourselves briefly');
    await page.getByRole('button', { name: 'Send as new branch' }).click();
    await page.getByRole('group', { name: 'Prompt versions' }).getByText('2/2').waitFor();
    await answer(page, 'gpt-4o').getByText(/gpt\d+w29/).waitFor({ timeout: 20_000 });

    // 7. Reload while claude is still answering the new branch.
    await answer(page, 'claude-sonnet-4.5').getByText(/claude\d+w5 /).waitFor({ timeout: 20_000 });
    const chats = () => upstream.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const calls = chats();
    await page.reload();
    await page.getByRole('button', { name: /^Introduce yourselves/ }).first().click();
    // Re-attached: the answer carries on from main, which never stopped it.
    await answer(page, 'claude-sonnet-4.5').getByText(/claude\d+w20 /).waitFor({ timeout: 30_000 });
    expect(chats()).toBe(calls); // nothing was re-sent
    await answer(page, 'gpt-4o').getByText(/gpt\d+w29/).waitFor();
    // The old branch is still there with its stopped answer and both gemini versions.
    await page.getByRole('group', { name: 'Prompt versions' }).getByRole('button', { name: 'Previous prompt' }).click();
    await page.getByRole('article', { name: 'Your prompt' }).getByText('Introduce yourselves', { exact: true }).waitFor();
    await answer(page, 'claude-sonnet-4.5').getByText('Stopped.').waitFor();
    expect(await answer(page, 'claude-sonnet-4.5').innerText()).toContain(stoppedText.match(/claude\d+w3 /)![0].trim());
    await page.getByRole('group', { name: 'Answer versions' }).getByText('2/2').waitFor();
    expect(errors).toEqual([]);
    expect(await page.content()).not.toContain('sk-or-e2e-key');
    // The page used the transport under test: the preload's window.parley in Electron, the WebSocket otherwise.
    const hasPreload = await page.evaluate(() => typeof (window as { parley?: unknown }).parley === 'object');
    expect(hasPreload).toBe(shell.ipcInvocations() !== null);
    if (hasPreload) expect(shell.ipcInvocations()).toBeGreaterThan(20);
    await page.close();
  });
});
