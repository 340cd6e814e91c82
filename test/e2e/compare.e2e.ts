import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startFakeHost, type FakeHost } from './support/fake-host';
import { pastFirstRun, addModelById as addModel } from './support/room-actions';

// Compare, decide, remember in Chromium against the built renderer and the real host: a blind turn with three fake
// models names none of them (DOM, accessibility tree, title, copy) until the vote; the leaderboard then shows the
// winner with its cost per win; fusing adds an answer with its own cost to the turn's total.

let host: FakeHost;
let browser: Browser;

beforeAll(async () => {
  host = await startFakeHost({ tokensPerSecond: 300 });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

const BIRDS = ['kestrel', 'osprey', 'heron'];

/** "$0.000123" (or "Cost: $0.000123", "$0.0001") → micro-dollars. */
const micros = (text: string) => Math.round(Number(/\$([\d,]+\.\d+)/.exec(text)![1]!.replace(/,/g, '')) * 1_000_000);

async function everythingShown(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: unknown }; description?: { value?: unknown }; value?: { value?: unknown } }[] };
  await cdp.detach();
  const ax = nodes.map((n) => [n.name?.value, n.description?.value, n.value?.value].filter((v) => v !== undefined && v !== '').join(' ')).join('\n');
  return [await page.title(), await page.content(), await page.ariaSnapshot(), ax].join('\n');
}

describe('compare, decide, remember in Chromium', () => {
  it('blind turn hides every model name until the vote; leaderboard shows the winner’s cost per win; fusing adds a costed answer', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript({ content: 'window.__copied = []; Object.defineProperty(navigator, "clipboard", { value: { writeText: (t) => { window.__copied.push(t); return Promise.resolve(); } } });' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await pastFirstRun(page);
    for (const b of BIRDS) await addModel(page, `e2e/${b}`);
    await page.getByRole('group', { name: 'Column heron' }).waitFor();
    await page.getByRole('checkbox', { name: 'Blind' }).check();

    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('[anon] which way is best?');
    await box.press('Enter');
    for (const l of ['A', 'B', 'C']) await page.getByRole('article', { name: `Answer ${l}` }).getByText(/^Answer number \d+/).waitFor({ timeout: 15_000 });
    await expect.poll(() => host.backend.streams!.active().length, { timeout: 15_000 }).toBe(0);
    await page.getByRole('group', { name: 'Vote on this turn' }).waitFor();

    // hidden: not in the DOM, the accessibility tree, the title, nor what the copy buttons copy
    const hidden = await everythingShown(page);
    for (const b of BIRDS) expect(hidden).not.toContain(b);
    expect(hidden).toContain('Answer B');
    for (const l of ['A', 'B', 'C']) await page.getByRole('button', { name: `Copy answer ${l}` }).click();
    const copied = await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
    expect(copied).toHaveLength(3);
    for (const t of copied) for (const b of BIRDS) expect(t).not.toContain(b);

    // vote with a key: B is best (focus on the page, not in the prompt box)
    await page.getByRole('article', { name: 'Answer B' }).click();
    await page.keyboard.press('2');
    const summary = page.getByRole('group', { name: 'Your vote on this turn' });
    await summary.waitFor();
    const winner = /Best: (e2e\/\w+) \(B\)/.exec((await summary.textContent())!)![1]!;
    expect(BIRDS.map((b) => `e2e/${b}`)).toContain(winner);
    const winnerCell = page.getByRole('article', { name: `Answer from ${winner.slice(4)}` });
    const winnerCost = micros((await winnerCell.getByLabel(/^Cost: /).getAttribute('aria-label'))!);
    expect(winnerCost).toBeGreaterThan(0);
    const shown = await page.content();
    for (const b of BIRDS) expect(shown).toContain(b);

    // the leaderboard: the winner first, with its cost per win (one win: what its answer cost)
    await page.getByRole('button', { name: 'Leaderboard' }).click();
    // one vote is under the default threshold for a rank: the models are listed as "too few votes" until it is 1
    await page.getByRole('table', { name: 'Models with too few votes' }).waitFor();
    await page.getByRole('spinbutton', { name: /Rank models with at least/ }).fill('1');
    const table = page.getByRole('table', { name: 'Models ranked by your votes' });
    await table.waitFor();
    const first = table.locator('tbody tr').first();
    expect(await first.locator('th').textContent()).toBe(winner);
    // shown in cents-style short form; the exact figure is on hover
    expect(micros((await first.locator('td.cost-per-win').getAttribute('title'))!)).toBe(winnerCost);
    expect(await table.locator('tbody tr').count()).toBe(3);
    await page.getByRole('button', { name: `Votes behind ${winner}` }).click();
    await page.getByRole('table', { name: `Votes behind ${winner}` }).getByRole('button', { name: /^Open the turn “\[anon\] which way is best\?”/ }).click();

    // back in the room: fuse the three answers with kestrel
    await page.getByRole('group', { name: 'Your vote on this turn' }).waitFor();
    const before = host.requests.length;
    await page.getByRole('button', { name: 'Fuse…' }).click();
    await page.getByRole('combobox', { name: 'Model that writes the fused answer' }).selectOption('e2e/kestrel');
    await page.getByRole('button', { name: 'Fuse these answers' }).click();
    const fused = page.getByRole('article', { name: 'Fused answer' });
    await fused.getByText('Fused', { exact: true }).waitFor();
    await expect.poll(() => host.backend.streams!.active().length, { timeout: 15_000 }).toBe(0);
    const fuseRequest = host.requests[before]!;
    expect(fuseRequest.model).toBe('e2e/kestrel');
    expect(JSON.stringify(fuseRequest.messages)).toContain('Answers to combine');
    const fusedCost = micros((await fused.getByLabel(/^Cost: /).getAttribute('aria-label'))!);
    expect(fusedCost).toBeGreaterThan(0);
    const costs = await page.getByRole('article').getByLabel(/^Cost: /).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
    expect(costs).toHaveLength(4);
    const total = await page.getByLabel('Turn total').textContent();
    expect(total).toContain('4 answers');
    expect(micros(total!)).toBe(costs.reduce((s, c) => s + micros(c), 0));
    expect(errors).toEqual([]);
    await page.close();
  });
});
