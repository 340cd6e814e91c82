import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { pastFirstRun } from './support/room-actions';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';

// Issue 12: an OpenRouter Chatroom file whose messages point to things it does not hold is refused with the reason
// when text is lost, and imported with a visible list of repairs otherwise — never silently as empty messages.

let host: FakeHost;
let browser: Browser;

beforeAll(async () => {
  host = await startFakeHost({});
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

const json = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

describe('OpenRouter Chatroom import in Chromium', () => {
  it('refuses a file whose text is missing and lists the repairs of one it can import', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await pastFirstRun(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Storage' }).click();
    const picker = page.getByLabel('Import conversations');

    await picker.setInputFiles(json('broken.json', {
      version: 'orpg.3.0',
      characters: {},
      messages: { m1: { id: 'm1', characterId: 'ghost', type: 'assistant', parentMessageId: 'nowhere', createdAt: '2026-01-01T00:00:00Z', items: [{ id: 'lost-item' }] } },
      items: {},
    }));
    const refusal = page.getByRole('alert');
    await refusal.getByText(/incomplete: message m1 refers to item lost-item, which is not in the file\. Nothing was imported\./).waitFor();
    expect(await page.locator('.conversation-item').count()).toBe(0);

    await picker.setInputFiles(json('repairable.json', {
      version: 'orpg.2.0',
      characters: { c1: { id: 'c1', model: 'openai/gpt-4o' } },
      messages: {
        u1: { characterId: 'USER', content: 'Tell me a joke', createdAt: 1 },
        a1: { characterId: 'removed', content: 'Why did the chicken cross the road?', parentMessageId: 'u1', createdAt: 2, metadata: { variantSlug: 'x/old-model' } },
        u2: { characterId: 'USER', content: 'Why?', parentMessageId: 'deleted', createdAt: 3 },
      },
    }));
    const report = page.getByRole('status').filter({ hasText: 'from OpenRouter Chatroom' });
    await report.waitFor();
    const repairs = await report.getByRole('listitem').allInnerTexts();
    expect(repairs).toEqual([
      'Character removed is not in the file: its answers were put in a column of their own, named after the model they report (or "Unknown model"): a1.',
      'These messages follow messages that are not in the file and were placed after the prompt before them in time: u2.',
    ]);
    await page.locator('.conversation-item', { hasText: 'Tell me a joke' }).waitFor();
    await page.close();
  });
});
