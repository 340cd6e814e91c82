import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { addModel } from './support/room-actions';
import { startHostProcess, type HostProcess } from './support/host-process';
import { startFakeOpenRouter, type FakeOpenRouter } from './support/openrouter-with-account';
import { sampleGeneration } from '../fakes/openrouter-account';
import { startFakeUpstream, type FakeUpstream } from '../fakes';

// Web search in a room, in Chromium against the real host and engine. Two columns, web search on for the room:
//   openai/gpt-6-sol through a fake OpenRouter (the web plugin): 1,000 in × $2/M + 50 out × $10/M + 1 search ×
//     $0.01 (the list price of a search for this model) = $0.0125, which is also what the fake bills.
//   anthropic/claude-sonnet-4.5 with a BYOK Anthropic key (its web_search tool): 2,000 in × $3/M + 120 out × $15/M +
//     1 search × $0.01 = $0.0178.
// Both answers list their sources, numbered, linking only http(s) URLs; both costs include the search, and
// "Explain this cost" lists it. A reload shows the same.

const FIXTURES = resolve(import.meta.dirname, '../fixtures/web-search');
const OR_KEY = 'sk-or-e2e-websearch-key-4242';
const ANT_KEY = 'sk-ant-e2e-websearch-key-9191';

let openrouter: FakeOpenRouter;
let anthropic: FakeUpstream;
let host: HostProcess;
let browser: Browser;

/** The OpenRouter recording, served as openai/gpt-6-sol with this bill. */
function openRouterFrames(): string[] {
  const lines = readFileSync(join(FIXTURES, 'openrouter-web-plugin.chunks.txt'), 'utf8').split('\n').filter(Boolean);
  return [...lines.map((l) => `data: ${l.replaceAll('openai/gpt-4o', 'openai/gpt-6-sol').replace('"cost":0.023', '"cost":0.0125')}\n\n`), 'data: [DONE]\n\n'];
}

beforeAll(async () => {
  openrouter = await startFakeOpenRouter(OR_KEY);
  let n = 0;
  openrouter.chat.setDefault(() => {
    const id = `gen-e2e-web-${++n}`;
    openrouter.account.state.generations[id] = {
      data: sampleGeneration(id, { model: 'openai/gpt-6-sol', provider_name: 'OpenAI', total_cost: 0.0125, usage: 0.0125, tokens_prompt: 1000, tokens_completion: 50 }),
    };
    return { generationId: id, frames: openRouterFrames() };
  });
  anthropic = await startFakeUpstream('anthropic', { requireKey: ANT_KEY });
  anthropic.setDefault(() => ({ fixture: join(FIXTURES, 'anthropic-web-search.chunks.txt') }));
  host = await startHostProcess();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await anthropic?.close();
  await openrouter?.close();
});

async function addProvider(page: Page, kind: string, name: string, url: string, key: string) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const form = page.getByRole('form', { name: 'Add a provider' });
  await form.getByRole('combobox', { name: 'Provider' }).selectOption(kind);
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('textbox', { name: 'Base URL' }).fill(url);
  await form.getByLabel('API key').fill(key);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('list', { name: 'Configured providers' }).getByText(`configured ••••${key.slice(-4)}`).waitFor();
}

const answer = (page: Page, label: string) => page.getByRole('article', { name: new RegExp(`^Answer from .*${label}`) });

async function sourcesOf(a: Locator) {
  const region = a.getByRole('region', { name: 'Sources' });
  await region.waitFor({ timeout: 20_000 });
  const items = await region.getByRole('listitem').evaluateAll((lis) =>
    lis.map((li) => ({ n: li.getAttribute('value'), text: li.textContent, href: li.querySelector('a')?.getAttribute('href') ?? null })),
  );
  return items;
}

async function explained(a: Locator) {
  await a.getByRole('button', { name: 'Explain this cost' }).click();
  const panel = a.getByRole('region', { name: 'How this cost was worked out' });
  await panel.waitFor();
  return panel.getByRole('table', { name: 'Billed units' }).getByRole('row').allTextContents();
}

async function check(page: Page) {
  const gpt = answer(page, 'gpt-6-sol');
  const claude = answer(page, 'claude-sonnet-4.5');
  await gpt.getByLabel('Cost: $0.0125').waitFor({ timeout: 20_000 });
  await claude.getByLabel('Cost: $0.0178').waitFor({ timeout: 20_000 });

  expect(await sourcesOf(gpt)).toEqual([
    { n: '1', text: 'Tide tables for Bresttides.example.org', href: 'https://tides.example.org/brest' },
    { n: '2', text: 'Click mejavascript:alert(1)', href: null },
  ]);
  expect(await sourcesOf(claude)).toEqual([
    { n: '1', text: 'Tide tables for Bresttides.example.org', href: 'https://tides.example.org/brest' },
    { n: '2', text: '<img src=x onerror=alert(1)> Harbour notesharbour.example.net', href: 'https://harbour.example.net/notes?x=1' },
  ]);
  // the cited passages carry their numbers, linked to the pages
  const markers = await claude.locator('.md a, a').evaluateAll((as) => as.filter((a) => /^\[\d\]$/.test(a.textContent ?? '')).map((a) => [a.textContent, a.getAttribute('href')]));
  expect(markers).toEqual([['[1]', 'https://tides.example.org/brest'], ['[2]', 'https://harbour.example.net/notes?x=1']]);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(await page.locator('.answer-sources img').count()).toBe(0);

  expect(await explained(claude)).toEqual([
    'Input tokens2,000 × $3.00 per 1M tokens= $0.006',
    'Output tokens120 × $15.00 per 1M tokens= $0.0018',
    'Web searches1 × $0.01 per search= $0.01',
    'Parley’s price$0.0178',
  ]);
  expect(await explained(gpt)).toEqual([
    'Input tokens1,000 × $2.00 per 1M tokens= $0.002',
    'Output tokens50 × $10.00 per 1M tokens= $0.0005',
    'Web searches1 × $0.01 per search= $0.01',
    'Parley’s price$0.0125',
  ]);
}

describe('web search in Chromium', () => {
  it('both columns search: numbered sources, http(s) links only, searches in the cost and its explanation; a reload keeps them', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await addProvider(page, 'openrouter', 'OpenRouter', openrouter.url, OR_KEY);
    await addProvider(page, 'anthropic', 'Anthropic', anthropic.url, ANT_KEY);

    await page.getByRole('button', { name: 'New chat' }).click();
    await addModel(page, 'openai/gpt-6-sol');
    await addModel(page, 'anthropic/claude-sonnet-4.5');
    const toggle = page.getByRole('checkbox', { name: 'Web search' });
    expect(await toggle.isChecked()).toBe(false); // off by default
    await toggle.check();
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('When is high tide in Brest?');
    await box.press('Enter');

    await check(page);
    expect(anthropic.requests.at(-1)!.body).toMatchObject({ tools: [{ type: 'web_search_20250305', name: 'web_search' }] });
    expect(openrouter.chat.requests.at(-1)!.body).toMatchObject({ model: 'openai/gpt-6-sol', plugins: [{ id: 'web' }] });

    await page.reload();
    await page.getByRole('article', { name: /^Answer from .*claude-sonnet-4\.5/ }).waitFor({ timeout: 20_000 });
    await check(page);
    expect(errors).toEqual([]);
    const html = await page.content();
    expect(html).not.toContain(OR_KEY);
    expect(html).not.toContain(ANT_KEY);
    await page.close();
  });
});
