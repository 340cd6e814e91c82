import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { addModel } from './support/room-actions';
import { startHostProcess, type HostProcess } from './support/host-process';
import { startFakeOpenRouter, type FakeOpenRouter } from './support/fake-openrouter';

// A room of four models at 1024×768 with the sidebar open: the whole title shows, the columns cut off at the
// right edge are announced ("2 more →") and one click brings the next into view, and the layout chosen (a grid of
// two per row) is the room's own: it is there after a reload. Blind answers keep their letters in every layout.

const KEY = 'sk-or-layout-key-4242';
const TITLE = 'Which of these four models writes the clearest release notes for a desktop app?';
const MODELS = ['openai/gpt-4o-mini', 'anthropic/claude-sonnet-4.5', 'google/gemini-2.5-flash', 'openai/gpt-4o'];

let fake: FakeOpenRouter;
let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  fake = await startFakeOpenRouter(KEY);
  fake.upstream.setDefault(() => ({ reply: { text: Array.from({ length: 30 }, (_, i) => `w${i} `), usage: { prompt: 10, completion: 30, cost: 0.0001 }, provider: 'FakeProvider' }, tokensPerSecond: 200 }));
  host = await startHostProcess({ env: { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await fake?.close();
});

async function roomOfFour(page: Page, prompt: string) {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New chat' }).click();
  for (const m of MODELS) await addModel(page, m);
  const box = page.getByRole('textbox', { name: 'Prompt' });
  await box.fill(prompt);
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('article.answer').length === 4 && !document.querySelector('article.answer[aria-busy="true"]'), null, { timeout: 30_000 });
}

const layouts = (page: Page) => page.getByRole('radiogroup', { name: 'Layout' });

describe('room layouts at 1024×768', { timeout: 120_000 }, () => {
  it('shows the whole title, cues the columns cut off and scrolls to them, and keeps the layout chosen after a reload', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    try {
      const page = await ctx.newPage();
      await roomOfFour(page, TITLE);
      await page.getByRole('heading', { name: TITLE }).waitFor();

      // the title is not cut: every character is drawn inside the bar, and nothing in the bar is cut off
      const bar = await page.evaluate(() => {
        const title = document.querySelector<HTMLElement>('.room-title')!;
        const box = document.querySelector<HTMLElement>('.room-bar')!.getBoundingClientRect();
        const cut = [...document.querySelectorAll<HTMLElement>('.room-bar > *')].filter((c) => {
          const r = c.getBoundingClientRect();
          return r.right > box.right + 1 || r.left < box.left - 1;
        });
        return { overflows: title.scrollWidth > title.clientWidth + 1, ellipsis: getComputedStyle(title).textOverflow === 'ellipsis' && getComputedStyle(title).whiteSpace === 'nowrap', cut: cut.length };
      });
      expect(bar).toEqual({ overflows: false, ellipsis: false, cut: 0 });
      // every column's spend is drawn whole in its header; the token counts after it may give way
      const costsWhole = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.column-header')].map((h) => {
          const cost = h.querySelector<HTMLElement>('.column-cost')!;
          return cost.scrollWidth <= cost.clientWidth + 1 && cost.getBoundingClientRect().right <= h.getBoundingClientRect().right + 1 && /^\$\d/.test(cost.textContent ?? '');
        }),
      );
      expect(costsWhole).toEqual([true, true, true, true]);

      // the layout control: three named choices, side by side first
      expect(await layouts(page).getByRole('radio').evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label')))).toEqual(['Side by side', 'Grid, two per row', 'Stacked']);
      expect(await layouts(page).getByRole('radio', { name: 'Side by side' }).getAttribute('aria-checked')).toBe('true');

      // side by side at 764 px: two of four columns are out of sight, and the cue says so
      const strip = page.locator('.turn-scroll');
      const more = page.getByRole('button', { name: /^\d more columns? to the right$/ });
      await more.waitFor();
      const hiddenBefore = Number((await more.textContent())!.match(/\d+/)![0]);
      expect(hiddenBefore).toBeGreaterThanOrEqual(1);
      expect(await page.locator('.scroll-cue.after').evaluate((e) => getComputedStyle(e).backgroundImage)).toContain('gradient');
      const left0 = await strip.evaluate((e) => e.scrollLeft);
      await more.click();
      await expect.poll(() => strip.evaluate((e) => e.scrollLeft)).toBeGreaterThan(left0);
      await page.getByRole('button', { name: /more columns? to the left$/ }).waitFor();
      // clicking on until none is left: the last column's right edge inside the strip
      for (let i = 0; i < 4 && (await more.count()); i++) {
        await more.click();
        await page.waitForTimeout(400); // a smooth scroll settles
      }
      await more.waitFor({ state: 'detached' });
      const lastInside = await page.evaluate(() => {
        const s = document.querySelector<HTMLElement>('.turn-scroll')!;
        const answers = [...document.querySelectorAll<HTMLElement>('article.answer')];
        return answers.at(-1)!.getBoundingClientRect().right <= s.getBoundingClientRect().left + s.clientWidth + 1;
      });
      expect(lastInside).toBe(true);

      // a grid of two per row: no sideways scroll, no cue; kept with the room after a reload
      await layouts(page).getByRole('radio', { name: 'Grid, two per row' }).click();
      await page.locator('.turn-area.layout-grid').waitFor();
      const grid = async () =>
        page.evaluate(() => {
          const s = document.querySelector<HTMLElement>('.turn-scroll')!;
          const tops = [...document.querySelectorAll<HTMLElement>('article.answer')].map((a) => Math.round(a.getBoundingClientRect().top));
          return { scrollsSideways: s.scrollWidth > s.clientWidth + 1, rows: new Set(tops).size, cues: document.querySelectorAll('.scroll-cue').length };
        });
      await expect.poll(grid).toEqual({ scrollsSideways: false, rows: 2, cues: 0 });
      // two to a row, a header gives up the prompt's token count before the answer's: never "15 in · …"
      const tokenCounts = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.column-header')].map((h) => {
          const tokens = h.querySelector<HTMLElement>('.column-tokens')!;
          const inShown = getComputedStyle(h.querySelector<HTMLElement>('.column-tokens-in')!).display !== 'none';
          const outCut = tokens.scrollWidth > tokens.clientWidth + 1;
          return `${h.querySelector('.column-name')!.textContent}: ${inShown ? 'in shown' : 'in dropped'}${outCut ? ', out cut' : ''}`;
        }),
      );
      expect(tokenCounts.filter((t) => t.includes('in shown') && t.includes('out cut'))).toEqual([]);
      expect(tokenCounts.filter((t) => !t.includes('out cut')).length).toBeGreaterThanOrEqual(2);
      await page.reload();
      await page.getByRole('heading', { name: TITLE }).waitFor();
      await page.locator('article.answer').nth(3).waitFor();
      expect(await layouts(page).getByRole('radio', { name: 'Grid, two per row' }).getAttribute('aria-checked')).toBe('true');
      await expect.poll(grid).toEqual({ scrollsSideways: false, rows: 2, cues: 0 });

      // stacked: one answer under another
      await layouts(page).getByRole('radio', { name: 'Stacked' }).click();
      await page.locator('.turn-area.layout-stacked').waitFor();
      await expect.poll(async () => (await grid()).rows).toBe(4);
    } finally {
      await ctx.close();
    }
  });

  it('a blind room keeps its letters in every layout', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    try {
      const page = await ctx.newPage();
      await page.goto(host.url);
      await page.getByRole('button', { name: 'New chat' }).click();
      for (const m of MODELS) await addModel(page, m);
      await page.getByRole('checkbox', { name: 'Blind' }).check();
      const box = page.getByRole('textbox', { name: 'Prompt' });
      await box.fill('Blind, in any layout');
      await box.press('Enter');
      for (const layout of ['Side by side', 'Grid, two per row', 'Stacked']) {
        await layouts(page).getByRole('radio', { name: layout }).click();
        for (const letter of ['A', 'B', 'C', 'D']) await page.getByRole('article', { name: `Answer ${letter}` }).waitFor();
        expect(await page.getByRole('article', { name: /^Answer from / }).count()).toBe(0);
      }
    } finally {
      await ctx.close();
    }
  });
});

describe('room layouts at 1920×1080', { timeout: 120_000 }, () => {
  it('stacked, the four column headers share the width and every model name is drawn whole, at 1920 and 1024 px', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const page = await ctx.newPage();
      await roomOfFour(page, 'Stacked on a wide screen');
      await layouts(page).getByRole('radio', { name: 'Stacked' }).click();
      await page.locator('.turn-area.layout-stacked').waitFor();
      const names = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.column-header .column-name')].map((n) => ({ text: n.textContent, cut: n.scrollWidth > n.clientWidth + 1 })),
      );
      expect(names.map((n) => n.text)).toEqual(['gpt-4o-mini', 'claude-sonnet-4.5', 'gemini-2.5-flash', 'gpt-4o']);
      expect(names.filter((n) => n.cut)).toEqual([]);

      // at 1024 px the headers go two to a row: still every name whole, and each column's menu button clear of its
      // context meter
      await page.setViewportSize({ width: 1024, height: 768 });
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('.column-header')].map((h) => {
              const name = h.querySelector<HTMLElement>('.column-name')!;
              const bar = h.querySelector<HTMLElement>('.context-bar')?.getBoundingClientRect();
              const menu = h.querySelector<HTMLElement>('.column-menu-button')!.getBoundingClientRect();
              return `${name.textContent}${name.scrollWidth > name.clientWidth + 1 ? ' cut' : ''}${bar && bar.right > menu.left ? ' overlaps' : ''}`;
            }),
          ),
        )
        .toEqual(['gpt-4o-mini', 'claude-sonnet-4.5', 'gemini-2.5-flash', 'gpt-4o']);
    } finally {
      await ctx.close();
    }
  });
});
