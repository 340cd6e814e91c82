import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { addModel, openModelPicker } from './support/room-actions';
import { startHostProcess, type HostProcess } from './support/host-process';
import { startFakeOpenRouter, type FakeOpenRouter } from './support/fake-openrouter';
import { startFakeOllama } from './support/fake-ollama';
import { freePort } from './support/free-port';

// A newcomer's first run and the days after it, on the loopback host against a fake OpenRouter (chat, /credits
// and /key on one base URL): a key typed in Settings serves the picker and the balance in every window at once;
// the balance is there when a window opens; a reload or a restart lands in the room the user was in; two windows
// on the same profile follow each other; and at 1024 px wide no column is out of reach.

const KEY = 'sk-or-first-run-key-4242';
const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i} `);


let fake: FakeOpenRouter;
let browser: Browser;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  fake = await startFakeOpenRouter(KEY);
  let n = 0;
  fake.upstream.setDefault((req) => {
    const model = String((req.body as { model?: string }).model);
    const tag = `${model.split('/')[1]!.split(/[-.]/)[0]}${++n}w`;
    return { reply: { text: words(model.startsWith('anthropic') ? 120 : 20, tag), usage: { prompt: 20, completion: 30, cost: 0.000123 }, provider: 'FakeProvider' }, tokensPerSecond: model.startsWith('anthropic') ? 10 : 80 };
  });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  await browser?.close();
  await fake?.close();
});

async function host(env: Record<string, string>, opts: { port?: number; dataDir?: string } = {}): Promise<HostProcess> {
  const h = await startHostProcess({ env: { OPENROUTER_API_KEY: '', OPENROUTER_BASE_URL: '', ...env }, args: opts.port ? ['--port', String(opts.port)] : [], ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
  cleanups.push(() => h.stop());
  return h;
}

/** One browser profile (shared IndexedDB), as two windows of the same app would have. */
async function profile(viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport });
  cleanups.push(() => ctx.close());
  return ctx;
}

async function open(ctx: BrowserContext, url: string): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'New chat' }).waitFor();
  return page;
}

const balance = (page: Page) => page.getByLabel('OpenRouter balance');
const answer = (page: Page, label: string) => page.getByRole('article', { name: `Answer from ${label}` });

describe('first run to daily use', { timeout: 120_000 }, () => {
  it('a newcomer with Ollama running: the first run finds it, suggests a room of three with prices, and one click gets three answers', async () => {
    const ollama = await startFakeOllama(['llama3.2', 'qwen2.5', 'mistral']);
    cleanups.push(() => ollama.close());
    ollama.upstream.setDefault((req) => {
      const model = String((req.body as { model?: string }).model);
      return { reply: { text: words(12, `${model.replace(/\W/g, '')}w`), usage: { prompt: 12, completion: 12 } }, tokensPerSecond: 200 };
    });
    // where the probe looks comes from the environment: the fake's port for Ollama, a closed one for LM Studio
    const h = await host({ PARLEY_OLLAMA_PORT: String(ollama.port), PARLEY_LM_STUDIO_PORT: String(await freePort()) });
    const ctx = await profile({ width: 1024, height: 768 });
    const page = await open(ctx, h.url);

    await page.getByRole('heading', { name: 'Get a first answer' }).waitFor();
    await expect.poll(() => page.getByText('Add a provider key in Settings').count()).toBe(0); // the sidebar agrees: a server is there
    for (const name of ['OpenRouter', 'A provider directly', 'On this machine']) await page.getByRole('heading', { name }).waitFor();
    await page.getByRole('link', { name: /Create a key/ }).or(page.getByRole('button', { name: /Create a key on openrouter\.ai/ })).waitFor();
    const found = page.getByRole('list', { name: 'Found on this machine' });
    await found.getByText('3 models').waitFor();
    await found.getByRole('button', { name: 'Use Ollama' }).click();

    const suggested = page.getByRole('list', { name: 'Suggested models' });
    await expect.poll(() => suggested.getByRole('listitem').count()).toBe(3);
    expect(await suggested.getByText('Free: runs on this machine').count()).toBe(3);
    const prompt = page.getByRole('textbox', { name: 'First prompt' });
    expect(await prompt.inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Send to all three' }).click();

    // the room opens with the three answers
    await expect.poll(() => page.getByRole('article', { name: /^Answer from / }).count(), { timeout: 20_000 }).toBe(3);
    for (const tag of ['llama32w11', 'qwen25w11', 'mistralw11']) await page.getByRole('log', { name: 'Messages' }).getByText(new RegExp(tag)).waitFor({ timeout: 20_000 });
    expect(ollama.upstream.requests.filter((r) => r.method === 'POST').map((r) => (r.body as { model: string }).model).sort()).toEqual(['llama3.2', 'mistral', 'qwen2.5']);
    await page.getByRole('heading', { name: 'Get a first answer' }).waitFor({ state: 'detached' });
  });

  it('a key typed in Settings serves the picker and shows the balance in every open window, without a reload', async () => {
    // OPENROUTER_BASE_URL is set (no key): the typed key, given no base URL of its own, goes there.
    const h = await host({ OPENROUTER_BASE_URL: fake.url });
    const ctx = await profile();
    const settingsWindow = await open(ctx, h.url);
    const other = await open(ctx, h.url);

    await openModelPicker(other);
    const picker = other.getByRole('dialog', { name: 'Add a model' });
    await picker.getByRole('searchbox', { name: 'Search models' }).fill('openai/gpt-4o-mini');
    await picker.getByText('no configured provider serves it').first().waitFor();

    await settingsWindow.getByRole('button', { name: 'Settings', exact: true }).click();
    const form = settingsWindow.getByRole('form', { name: 'Add a provider' });
    await form.getByRole('textbox', { name: 'Name' }).fill('My OpenRouter');
    await form.getByLabel('API key').fill(KEY);
    await form.getByRole('button', { name: 'Save' }).click();
    const row = settingsWindow.getByRole('listitem', { name: 'My OpenRouter' });
    await row.getByText(`${fake.url} (from OPENROUTER_BASE_URL)`).waitFor();

    // The other window's open picker now says who serves the model; its header has the balance.
    await picker.getByText('served by My OpenRouter').first().waitFor();
    expect(await picker.getByText('no configured provider serves it').count()).toBe(0);
    await balance(other).getByText('$20.50').waitFor();
    await balance(settingsWindow).getByText('$20.50').waitFor();

    // Test names the address it asked.
    await row.getByRole('button', { name: 'Test My OpenRouter' }).click();
    await settingsWindow.getByRole('status', { name: 'Test result for My OpenRouter' }).getByText(`HTTP 200 from ${fake.url}/models`).waitFor();
    expect(await settingsWindow.content()).not.toContain(KEY);
    expect(await other.content()).not.toContain(KEY);
  });

  it('has the balance when a window opens with OPENROUTER_API_KEY set, and after a reload', async () => {
    const before = fake.account.requests.filter((r) => r.path === '/credits').length;
    const h = await host({ OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url });
    const ctx = await profile();
    const page = await open(ctx, h.url);
    await balance(page).getByText('$20.50').waitFor();
    expect(fake.account.requests.filter((r) => r.path === '/credits').length).toBeGreaterThan(before);
    await page.reload();
    await balance(page).getByText('$20.50').waitFor();
    expect(await page.getByText('Checking balance…').count()).toBe(0);
  });

  it('a reload, and a restart, land in the room the user was in while its answers keep streaming', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-restart-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    let h = await host({ OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url }, { port, dataDir });
    const ctx = await profile();
    const page = await open(ctx, h.url);
    await page.getByRole('button', { name: 'New chat' }).click();
    await addModel(page, 'openai/gpt-4o-mini');
    await addModel(page, 'anthropic/claude-sonnet-4.5');
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('Where was I?');
    await box.press('Enter');
    await answer(page, 'claude-sonnet-4.5').getByText(/claude\d+w3 /).waitFor({ timeout: 20_000 });

    await page.reload();
    // No click in the sidebar: the room is open, and the slow answer carries on.
    await page.getByRole('heading', { name: 'Where was I?' }).waitFor();
    await answer(page, 'claude-sonnet-4.5').getByText(/claude\d+w15 /).waitFor({ timeout: 30_000 });
    await answer(page, 'gpt-4o-mini').getByText(/gpt\d+w19/).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Stop all answers (Esc)' }).click().catch(() => {});
    await page.getByRole('button', { name: 'Regenerate claude-sonnet-4.5' }).waitFor({ timeout: 20_000 });

    // Restart: the same data folder and port (so the same browser storage), a new access link.
    await h.stop();
    h = await host({ OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url }, { port, dataDir });
    await page.goto(h.url);
    await page.getByRole('heading', { name: 'Where was I?' }).waitFor();
    await answer(page, 'gpt-4o-mini').getByText(/gpt\d+w19/).waitFor();
  });

  it('a reload keeps the room scrolled where the user left it', async () => {
    const h = await host({ OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url });
    const ctx = await profile({ width: 1280, height: 600 });
    const page = await open(ctx, h.url);
    await addModel(page, 'openai/gpt-4o-mini');
    const box = page.getByRole('textbox', { name: 'Prompt' });
    for (const q of ['First question', 'Second question', 'Third question', 'Fourth question', 'Fifth question', 'Sixth question', 'Seventh question']) {
      await box.fill(q);
      await box.press('Enter');
      await page.getByRole('article', { name: 'Your prompt' }).filter({ hasText: q }).waitFor();
      await page.waitForFunction(() => !document.querySelector('article.answer[aria-busy="true"]')); // answered
    }
    const scrollable = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.turn-scroll')!;
      return el.scrollHeight - el.clientHeight;
    });
    expect(scrollable).toBeGreaterThan(300); // there is somewhere to scroll from
    // first partway up, and that is remembered; then further up, and the newer position replaces it
    await page.evaluate(async () => {
      const el = document.querySelector<HTMLElement>('.turn-scroll')!;
      el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) / 2);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    // up to the very top, as a user scrolls: the rows brought into the page are measured and the list may move by
    // what they differ from their estimate, so scroll again until the top stays the top
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const el = document.querySelector<HTMLElement>('.turn-scroll')!;
          el.scrollTop = 0;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return el.scrollTop;
        }),
      )
      .toBe(0);
    // stored with the history (IndexedDB) shortly after scrolling stops
    const stored = () =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const r = indexedDB.open('parley');
          r.onsuccess = () => done(r.result);
          r.onerror = () => fail(r.error);
        });
        const row = await new Promise<{ value?: Record<string, { atEnd: boolean; offset?: number }> } | undefined>((done) => {
          const g = db.transaction('settings').objectStore('settings').get('ui.roomScroll');
          g.onsuccess = () => done(g.result as never);
        });
        db.close();
        return Object.values(row?.value ?? {}).map((v) => ({ atEnd: v.atEnd, offset: v.offset ?? 0 }));
      });
    await expect.poll(stored, { timeout: 10_000 }).toEqual([{ atEnd: false, offset: 0 }]); // the first turn, from its top
    await page.reload();
    await page.getByRole('heading', { name: 'First question' }).waitFor();
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLElement>('.turn-scroll');
      const first = [...document.querySelectorAll<HTMLElement>('[aria-label="Your prompt"]')].find((p) => p.textContent?.includes('First question'));
      if (!el || !first) return false;
      const r = first.getBoundingClientRect();
      const v = el.getBoundingClientRect();
      return el.scrollTop < 50 && r.top >= v.top - 1 && r.bottom <= v.bottom;
    });
  });

  it('two windows on the same profile follow each other live', async () => {
    const h = await host({ OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url });
    const ctx = await profile();
    const a = await open(ctx, h.url);
    const b = await open(ctx, h.url);
    await addModel(a, 'openai/gpt-4o-mini');
    const box = a.getByRole('textbox', { name: 'Prompt' });
    await box.fill('Shared between windows');
    await box.press('Enter');

    // B's sidebar lists the new conversation without a reload; opened there, it shows A's answer.
    const list = b.getByRole('list', { name: 'Conversation list' });
    await list.getByText('Shared between windows').waitFor();
    await list.getByText('Shared between windows').click();
    await answer(b, 'gpt-4o-mini').getByText(/gpt\d+w19/).waitFor({ timeout: 20_000 });

    // Renamed in A: B's heading and sidebar follow.
    await a.getByRole('button', { name: 'Rename conversation' }).click();
    await a.getByRole('textbox', { name: 'Conversation title' }).fill('Renamed in A');
    await a.getByRole('textbox', { name: 'Conversation title' }).press('Enter');
    await b.getByRole('heading', { name: 'Renamed in A' }).waitFor();
    await b.getByRole('list', { name: 'Conversation list' }).getByText('Renamed in A').waitFor();

    // Answered again in B: A shows the new turn.
    const boxB = b.getByRole('textbox', { name: 'Prompt' });
    await boxB.fill('And a second question');
    await boxB.press('Enter');
    await a.getByRole('article', { name: 'Your prompt' }).getByText('And a second question').waitFor();
    await answer(a, 'gpt-4o-mini').last().getByText(/gpt\d+w19/).waitFor({ timeout: 20_000 });
  });

  it('at 1024 px three columns keep a readable width and every one is reachable by scrolling the column strip, not the page', async () => {
    const h = await host({ OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url });
    const ctx = await profile({ width: 1024, height: 768 });
    const page = await open(ctx, h.url);
    for (const slug of ['openai/gpt-4o-mini', 'anthropic/claude-sonnet-4.5', 'google/gemini-2.5-flash']) await addModel(page, slug);
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('Side by side at 1024 px');
    await box.press('Enter');
    await answer(page, 'gemini-2.5-flash').getByText(/gemini\d+w19/).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Stop all answers (Esc)' }).click().catch(() => {});

    const layout = await page.evaluate(() => {
      const strip = document.querySelector<HTMLElement>('.turn-scroll')!;
      strip.scrollLeft = strip.scrollWidth;
      const edge = strip.getBoundingClientRect().right;
      const answers = [...document.querySelectorAll<HTMLElement>('article.answer')].map((a) => ({ width: a.getBoundingClientRect().width, right: a.getBoundingClientRect().right }));
      const bar = document.querySelector<HTMLElement>('.room-bar')!.getBoundingClientRect();
      const cut = [...document.querySelectorAll<HTMLElement>('.room-bar > *')].filter((c) => c.getBoundingClientRect().right > bar.right + 1);
      const composer = document.querySelector<HTMLElement>('.composer')!.getBoundingClientRect();
      return {
        pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        stripScrolls: strip.scrollWidth > strip.clientWidth,
        edge,
        answers,
        barCut: cut.length,
        composerBottom: Math.round(composer.bottom),
        viewport: window.innerHeight,
      };
    });
    expect(layout.pageScrolls).toBe(false);
    expect(layout.stripScrolls).toBe(true);
    expect(layout.answers).toHaveLength(3);
    for (const a of layout.answers) {
      expect(a.width).toBeGreaterThanOrEqual(300);
      expect(a.right).toBeLessThanOrEqual(layout.edge + 1); // reachable: inside the strip once scrolled
    }
    expect(layout.barCut).toBe(0); // the bar wraps rather than cut a control off
    expect(layout.composerBottom).toBe(layout.viewport); // docked at the bottom
  });
});
