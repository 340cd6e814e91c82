import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import OpenAI from 'openai';
import { launchChromium } from './support/browser';
import { startHostProcess, type HostProcess } from './support/host-process';
import { startFakeUpstream, type FakeUpstream } from '../fakes';

// Another app on the machine uses Parley as its OpenRouter: the user makes it a key in Settings → Local API, the
// app calls the local API with the official openai client, and Activity shows what that key spent.

let upstream: FakeUpstream;
let host: HostProcess;
let browser: Browser;
let apiUrl: string;

beforeAll(async () => {
  upstream = await startFakeUpstream('openrouter', { requireKey: 'sk-or-e2e-api-5678' });
  upstream.setDefault({ reply: { text: 'Answer for the other app', usage: { prompt: 40, completion: 12, cost: 0.000456 }, provider: 'FakeProvider' } });
  host = await startHostProcess({
    env: { OPENROUTER_API_KEY: 'sk-or-e2e-api-5678', OPENROUTER_BASE_URL: upstream.url },
    args: ['--api', '--api-port', '0'],
  });
  for (let i = 0; i < 200 && !/Local API: \S+/.test(host.output()); i++) await new Promise((r) => setTimeout(r, 50));
  apiUrl = /Local API: (\S+)/.exec(host.output())![1]!;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await upstream?.close();
});

describe('an app key made in Settings', () => {
  it('is used by another app, and Activity shows that app’s usage under its key', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Local API' }).click();
    await page.getByLabel('Local API address').getByText(apiUrl).waitFor();
    const form = page.getByRole('form', { name: 'Create an app key' });
    await form.getByRole('textbox', { name: 'App name' }).fill('Notes app');
    await form.getByRole('textbox', { name: 'New key monthly budget (usd)' }).fill('5');
    await form.getByRole('button', { name: 'Create key' }).click();
    const token = (await page.getByLabel('New app key').textContent())!.trim();
    expect(token).toMatch(/^sk-parley-v1-/);
    await page.getByRole('button', { name: 'Done' }).click();

    // The other app, with the official client.
    const app = new OpenAI({ baseURL: apiUrl, apiKey: token, maxRetries: 0 });
    const completion = await app.chat.completions.create({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'Summarise my notes' }] });
    expect(completion.choices[0]!.message.content).toBe('Answer for the other app');
    const key = (await (await fetch(`${apiUrl}/key`, { headers: { authorization: `Bearer ${token}` } })).json()) as { data: { label: string; usage: number; limit: number; limit_remaining: number } };
    expect(key.data).toMatchObject({ label: 'Notes app', usage: 0.000456, limit: 5, limit_remaining: 4.999544 });

    // Settings shows what it spent; Activity, filtered by the key, shows the request.
    await page.getByRole('table', { name: 'App keys' }).getByRole('row', { name: /^Notes app/ }).getByText(/\$0\.00046 in all/).waitFor();
    await page.getByRole('button', { name: 'Activity' }).click();
    const filter = page.getByRole('combobox', { name: 'App key filter' });
    await filter.locator('option', { hasText: 'Notes app' }).waitFor({ state: 'attached' });
    await filter.selectOption({ label: 'Notes app' });
    const totals = page.getByLabel('Totals');
    await totals.getByText('Spend').locator('xpath=following-sibling::dd').getByText('$0.00046').waitFor();
    expect(await totals.getByText('Requests').locator('xpath=following-sibling::dd').textContent()).toBe('1');
    const requests = page.getByRole('table', { name: 'Requests' });
    await requests.getByText('other app').waitFor();

    expect(errors).toEqual([]);
    expect(await page.content()).not.toContain(token);
    expect(await page.content()).not.toContain('sk-or-e2e-api');
    await page.close();
  });
});
