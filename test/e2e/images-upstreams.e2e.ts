import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { addModel, pastFirstRun } from './support/room-actions';
import { startHostProcess, type HostProcess } from './support/host-process';
import { startFakeOpenRouter, type FakeOpenRouter } from './support/openrouter-with-account';
import { makePng, pngDataUrl } from './support/png';
import { startFakeUpstream, type FakeUpstream } from '../fakes';
import { sampleGeneration } from '../fakes/openrouter-account';

// Issue 22, images out through the real host and engine: two image models side by side, one through a fake
// OpenRouter (images in `delta.images`, the bill in `usage.cost`), one through a fake Gemini with the user's own key
// (inline image parts, image tokens in `usageMetadata`). The images display, survive a reload and an export → import
// into an empty profile, and each answer costs what its upstream billed:
//   openai/gpt-5-image-mini through OpenRouter: OpenRouter reports $0.0412 with the answer (and in /generation);
//     Parley's own price from the catalog is 14 in + 3 text out + 1,053 image out = $0.008465.
//   google/gemini-2.5-flash-image with the Gemini key, priced by Parley from the catalog below:
//     12 input tokens × $0.30/M = $0.0000036; 10 text output tokens × $2.50/M = $0.000025;
//     1,290 image output tokens × $30/M = $0.0387; total $0.0387286, shown as $0.038729.

const OR_KEY = 'sk-or-e2e-images-key-4321';
const GEMINI_KEY = 'AIza-e2e-images-key-8765';
const OR_MODEL = 'openai/gpt-5-image-mini';
const GEMINI_MODEL = 'google/gemini-2.5-flash-image';
const OR_COST = 0.0412;

const CATALOG = [
  {
    id: OR_MODEL, name: 'OpenAI: GPT-5 Image Mini', context_length: 400_000,
    architecture: { modality: 'text+image->text+image', input_modalities: ['text', 'image'], output_modalities: ['image', 'text'] },
    pricing: { prompt: '0.0000025', completion: '0.000002', image_output: '0.000008' },
  },
  {
    id: GEMINI_MODEL, name: 'Google: Gemini 2.5 Flash Image', context_length: 32_768,
    architecture: { modality: 'text+image->text+image', input_modalities: ['image', 'text'], output_modalities: ['image', 'text'] },
    pricing: { prompt: '0.0000003', completion: '0.0000025', image_output: '0.00003' },
  },
];

const picture = (warm: boolean) =>
  pngDataUrl(makePng(256, 256, (x, y) => (warm ? [200 + (x % 56), 90 + (y >> 2), 60] : [50, 110 + (x >> 2), 180 + (y % 76)])));
const WARM = picture(true);
const COOL = picture(false);

let openrouter: FakeOpenRouter;
let gemini: FakeUpstream;
let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  openrouter = await startFakeOpenRouter(OR_KEY);
  let n = 0;
  openrouter.chat.setDefault((req) => {
    const model = String((req.body as { model?: string }).model);
    const id = `gen-img-${++n}`;
    openrouter.account.state.generations[id] = {
      data: sampleGeneration(id, { model, provider_name: 'OpenAI', total_cost: OR_COST, usage: OR_COST, tokens_prompt: 14, tokens_completion: 1056 }),
    };
    return { generationId: id, reply: { text: 'A warm sunset.', images: [WARM], provider: 'OpenAI', usage: { prompt: 14, completion: 1056, imageOut: 1053, cost: OR_COST } } };
  });
  gemini = await startFakeUpstream('gemini', { requireKey: GEMINI_KEY });
  gemini.setDefault({ reply: { text: 'Here is a cool sunset, drawn for you.', images: [COOL], usage: { prompt: 12, completion: 1300, imageOut: 1290 } } });

  // the catalog as OpenRouter's /models would list these two image models (cached, as after a refresh)
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-images-'));
  mkdirSync(join(dataDir, 'catalog'));
  writeFileSync(join(dataDir, 'catalog', 'models.json'), JSON.stringify({ schemaVersion: 1, fetchedAt: Date.now(), data: CATALOG }));
  host = await startHostProcess({
    dataDir,
    env: { OPENROUTER_API_KEY: OR_KEY, OPENROUTER_BASE_URL: openrouter.url, GEMINI_API_KEY: GEMINI_KEY, GEMINI_BASE_URL: gemini.url },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await gemini?.close();
  await openrouter?.close();
});

const answer = (page: Page, label: string) => page.getByRole('article', { name: `Answer from ${label}` });

/** The answer's one image has loaded at its 256 pixels; returns the scheme of its URL (data while streamed, blob once stored). */
async function shownImage(a: Locator): Promise<string> {
  const img = a.getByRole('group', { name: 'Images (1)' }).getByRole('img');
  await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBe(256);
  return img.evaluate((e) => (e as HTMLImageElement).src.split(':')[0]!);
}

/** The image's pixels as a PNG data URL drawn in the page, to compare what two profiles show. */
const pixels = (a: Locator) =>
  a.getByRole('group', { name: 'Images (1)' }).getByRole('img').evaluate((e) => {
    const img = e as HTMLImageElement;
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    c.getContext('2d')!.drawImage(img, 0, 0);
    return c.toDataURL('image/png');
  });

async function explained(a: Locator): Promise<string[]> {
  await a.getByRole('button', { name: 'Explain this cost' }).click();
  const panel = a.getByRole('region', { name: 'How this cost was worked out' });
  await panel.waitFor();
  return panel.getByRole('table', { name: 'Billed units' }).getByRole('row').allTextContents();
}

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('image models through the real engine, in Chromium', () => {
  it('OpenRouter and Gemini (own key) side by side: images display, survive reload and export → import, and cost what was billed', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    await addModel(page, OR_MODEL);
    await addModel(page, GEMINI_MODEL);
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('Paint a sunset');
    await box.press('Enter');

    const orAnswer = answer(page, 'gpt-5-image-mini');
    const gemAnswer = answer(page, 'gemini-2.5-flash-image');
    await shownImage(orAnswer);
    await shownImage(gemAnswer);
    await gemAnswer.getByText('Here is a cool sunset, drawn for you.').waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-label="Stop all answers (Esc)"]'), null, { timeout: 30_000 });

    // each wire was asked for images: OpenRouter's `modalities`, Gemini's responseModalities
    expect(openrouter.chat.requests.map((r) => (r.body as { modalities?: string[] }).modalities)).toEqual([['image', 'text']]);
    const gemReq = gemini.requests.find((r) => r.path.includes(':streamGenerateContent'))!;
    expect((gemReq.body as { generationConfig?: { responseModalities?: string[] } }).generationConfig?.responseModalities).toEqual(['TEXT', 'IMAGE']);

    // the cost each upstream billed, with the image output units explained
    await orAnswer.getByLabel('Cost: $0.0412', { exact: true }).waitFor({ timeout: 20_000 });
    await gemAnswer.getByLabel('Cost: $0.038729', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await explained(gemAnswer)).toEqual([
      'Input tokens12 × $0.30 per 1M tokens= $0.000004',
      'Output tokens10 × $2.50 per 1M tokens= $0.000025',
      'Image output tokens1,290 × $30.00 per 1M tokens= $0.0387',
      'Parley’s price$0.0387286',
    ]);
    // OpenRouter's bill is the answer's cost; the catalog's units (image output among them) explain Parley's own price
    expect(await explained(orAnswer)).toEqual([
      'Input tokens14 × $2.50 per 1M tokens= $0.000035',
      'Output tokens3 × $2.00 per 1M tokens= $0.000006',
      'Image output tokens1,053 × $8.00 per 1M tokens= $0.008424',
      'Parley’s price$0.008465',
    ]);
    expect(await orAnswer.getByRole('region', { name: 'How this cost was worked out' }).textContent()).toContain('OpenRouter reported $0.0412 with the answer.');

    // stored: after a reload both come from IndexedDB as object URLs
    const before = { or: await pixels(orAnswer), gem: await pixels(gemAnswer) };
    await page.reload();
    expect(await shownImage(answer(page, 'gpt-5-image-mini'))).toBe('blob');
    expect(await shownImage(answer(page, 'gemini-2.5-flash-image'))).toBe('blob');

    // export from Settings → Storage, import into an empty profile: the same pictures, the same costs
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Storage' }).click();
    const file = await download(page, () => page.getByRole('button', { name: 'Export all conversations (JSON)' }).click());
    expect(file.toString('utf8')).not.toContain(OR_KEY);

    const ctx2 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const fresh = await ctx2.newPage();
    fresh.on('pageerror', (e) => errors.push(e.message));
    await fresh.goto(host.url);
    await pastFirstRun(fresh);
    await fresh.getByRole('button', { name: 'Settings', exact: true }).click();
    await fresh.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Storage' }).click();
    await fresh.getByLabel('Import conversations').setInputFiles({ name: 'parley-export.json', mimeType: 'application/json', buffer: file });
    await fresh.getByRole('status').filter({ hasText: /Imported 1 conversation/ }).waitFor({ timeout: 20_000 });
    await fresh.locator('.conversation-item', { hasText: 'Paint a sunset' }).click();
    const orAgain = answer(fresh, 'gpt-5-image-mini');
    const gemAgain = answer(fresh, 'gemini-2.5-flash-image');
    expect(await shownImage(orAgain)).toBe('blob');
    expect(await shownImage(gemAgain)).toBe('blob');
    expect({ or: await pixels(orAgain), gem: await pixels(gemAgain) }).toEqual(before);
    await orAgain.getByLabel('Cost: $0.0412', { exact: true }).waitFor();
    await gemAgain.getByLabel('Cost: $0.038729', { exact: true }).waitFor();

    expect(errors).toEqual([]);
    await ctx2.close();
    await ctx.close();
  });
});
