import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { addModel } from './support/room-actions';
import { startHostProcess, type HostProcess } from './support/host-process';
import { startFakeOpenRouter, type FakeOpenRouter } from './support/fake-openrouter';

// Blind means blind in every view, in Chromium against the real host and engine and a fake OpenRouter whose
// balance drops by each answer's cost as that answer ends: while a blind turn awaits its vote, Activity (rows and
// their "Open" buttons), its CSV, the Markdown and JSON exports, the column headers' Stop buttons, the Regenerate
// labels and the window title name no model of it, and the header balance moves once, when every answer is done.
// After the vote the same views name the models.

const KEY = 'sk-or-e2e-blind-key-2468';
// Three models answer at different speeds, so they end one by one; each costs a different, visible amount.
const MODELS = [
  { slug: 'openai/gpt-4o', provider: 'ProviderNorth', tps: 40, cost: 0.5, words: 'The first way is to go left.' },
  { slug: 'anthropic/claude-sonnet-4.5', provider: 'ProviderSouth', tps: 12, cost: 1, words: 'Surely the second way, up the hill and over.' },
  { slug: 'google/gemini-2.5-pro', provider: 'ProviderWest', tps: 6, cost: 2, words: 'A third way: wait for the ferry by the old pier.' },
];
const NAMES = ['gpt-4o', 'claude-sonnet', 'gemini', 'openai', 'anthropic', 'google', 'ProviderNorth', 'ProviderSouth', 'ProviderWest'];

let openrouter: FakeOpenRouter;
let host: HostProcess;
let browser: Browser;
/** the cost of every answer the fake has finished streaming (what OpenRouter's /credits counts as used) */
const spent: { cost: number; endsAt: number }[] = [];

beforeAll(async () => {
  const credits = { total_credits: 25, total_usage: 4.5 };
  Object.defineProperty(credits, 'total_usage', { enumerable: true, get: () => 4.5 + spent.filter((s) => Date.now() >= s.endsAt).reduce((t, s) => t + s.cost, 0) });
  openrouter = await startFakeOpenRouter(KEY, credits);
  openrouter.upstream.setDefault((req) => {
    const slug = String((req.body as { model?: string }).model);
    const m = MODELS.find((x) => x.slug === slug) ?? MODELS[0]!;
    const prompt = JSON.stringify((req.body as { messages?: unknown }).messages);
    const text = prompt.includes('plain') ? 'A plain answer.' : m.words;
    const tokens = text.match(/\S+\s*/g)!.length;
    spent.push({ cost: m.cost, endsAt: Date.now() + ((tokens - 1) * 1000) / m.tps });
    return { reply: { text, provider: m.provider, usage: { prompt: 20, completion: tokens, cost: m.cost } }, tokensPerSecond: m.tps };
  });
  host = await startHostProcess({ env: { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: openrouter.url } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await openrouter?.close();
});

/** The title, the DOM and the accessibility tree: everything a user or a screen reader meets. */
async function everythingShown(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: unknown }; description?: { value?: unknown } }[] };
  await cdp.detach();
  const ax = nodes.map((n) => [n.name?.value, n.description?.value].filter((v) => v !== undefined && v !== '').join(' ')).join('\n');
  return [await page.title(), await page.content(), ax].join('\n');
}

const named = (text: string) => NAMES.filter((n) => text.toLowerCase().includes(n.toLowerCase()));

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  // The shared Chromium is connected remotely, so the download is streamed here rather than read from its path.
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function exportAs(page: Page, kind: 'JSON' | 'Markdown'): Promise<string> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  return download(page, () => page.getByRole('button', { name: `Export as ${kind}` }).click());
}

const answersDone = (page: Page) => page.waitForFunction(() => !document.querySelector('[aria-label="Stop all answers (Esc)"]'), null, { timeout: 30_000 });

describe('blind means blind in every view', () => {
  it('an unvoted blind turn names no model in Activity, CSV, exports, Stop/Regenerate labels, title or balance; the vote reveals them', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    const balance = page.getByLabel('OpenRouter balance', { exact: true });
    await balance.getByText('$20.50').waitFor();

    // a plain room first: its requests may name their models
    for (const m of MODELS) await addModel(page, m.slug);
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('plain question');
    await box.press('Enter');
    await page.getByRole('article', { name: 'Answer from gemini-2.5-pro' }).getByText('A plain answer.').waitFor({ timeout: 30_000 });
    await answersDone(page);
    await balance.getByText('$17.00').waitFor();
    await page.getByRole('button', { name: 'New chat' }).click(); // a new chat keeps the room's three models
    await page.getByRole('group', { name: 'Column gemini-2.5-pro' }).waitFor();

    // every figure the header shows from here on
    await page.evaluate(() => {
      const w = window as unknown as { __balances: string[] };
      w.__balances = [];
      const look = () => {
        const t = document.querySelector('[aria-label="OpenRouter balance"]')?.textContent ?? '';
        if (w.__balances[w.__balances.length - 1] !== t) w.__balances.push(t);
      };
      look();
      setInterval(look, 10);
    });

    await page.getByRole('checkbox', { name: 'Blind' }).check();
    await box.fill('which way is best?');
    await box.press('Enter');
    await page.getByRole('article', { name: 'Answer A' }).waitFor();
    // while the answers stream: one Stop for the turn, none per column; columns lettered, not numbered
    await page.getByRole('button', { name: 'Stop all answers (Esc)' }).waitFor();
    const streaming = await everythingShown(page);
    for (const l of ['A', 'B', 'C']) expect.soft(await page.getByRole('group', { name: `Answer ${l}`, exact: true }).count(), `Answer ${l}`).toBe(1);
    expect.soft(streaming).not.toMatch(/Stop column|Column [0-9]/i);
    await answersDone(page);
    await page.getByRole('group', { name: 'Vote on this turn' }).waitFor();
    await balance.getByText('$13.50').waitFor();
    // the balance moved once: never one hidden answer's cost at a time
    expect.soft(await page.evaluate(() => (window as unknown as { __balances: string[] }).__balances)).toEqual(['$17.00', '$13.50']);

    expect.soft(named(await everythingShown(page))).toEqual([]);
    expect.soft(await page.title()).toBe('Parley');

    // Regenerate answer A: still no per-column Stop, nothing named
    const checks = openrouter.account.requests.filter((r) => r.path === '/credits').length;
    await page.getByRole('button', { name: 'Regenerate answer A' }).click();
    await page.getByRole('button', { name: 'Stop all answers (Esc)' }).waitFor();
    const regenerating = await everythingShown(page);
    expect.soft(regenerating).not.toMatch(/Stop column|Column [0-9]/i);
    expect.soft(named(regenerating)).toEqual([]);
    await answersDone(page);
    // one answer re-run alone: the drop would be its cost, so the balance holds until the vote
    await expect.poll(() => openrouter.account.requests.filter((r) => r.path === '/credits').length, { timeout: 10_000 }).toBeGreaterThan(checks);
    await page.waitForTimeout(500);
    expect.soft(await balance.textContent()).toBe('$13.50');
    expect.soft(await page.getByText('(held: blind turn, vote to reveal)').count()).toBe(1);

    // the exports: the blind turn's answers under their letters, no model, cost or ledger link for them
    const md = await exportAs(page, 'Markdown');
    const [columnsPart, blindPart] = md.split('## Blind turns (blind turn, vote to reveal)');
    expect.soft(blindPart, 'a section of blind turns').toBeDefined();
    for (const m of MODELS) {
      expect.soft(blindPart).toContain(m.words);
      expect.soft(columnsPart).not.toContain(m.words);
    }
    expect.soft(blindPart).toMatch(/### Answer A[\s\S]*### Answer B[\s\S]*### Answer C/);
    expect.soft(named(blindPart ?? '')).toEqual([]);
    expect.soft(blindPart).not.toMatch(/\$\d/);

    const file = JSON.parse(await exportAs(page, 'JSON'));
    const conv = file.conversations[0];
    const blindPrompt = conv.messages.find((m: { content: string }) => m.content === 'which way is best?');
    const blindAnswers = conv.messages.filter((m: { parentId: string }) => m.parentId === blindPrompt.id);
    expect.soft(blindAnswers).toHaveLength(4);
    expect.soft(blindAnswers.map((m: { content: string }) => m.content)).toEqual(expect.arrayContaining(MODELS.map((m) => m.words)));
    for (const a of blindAnswers) {
      expect.soft(a.columnId).toMatch(/^blind-[ABC]$/);
      expect.soft(a).not.toHaveProperty('model');
      expect.soft(a).not.toHaveProperty('cost');
      expect.soft(a).not.toHaveProperty('generationId');
      expect.soft(named(JSON.stringify(a))).toEqual([]);
    }
    const blindIds = new Set(blindAnswers.map((m: { id: string }) => m.id));
    expect.soft(conv.generations).toEqual([]);

    // Activity: the plain turn's three requests only; no row, figure or button for the blind ones
    await page.getByRole('button', { name: 'Activity', exact: true }).click();
    const requests = page.getByRole('table', { name: 'Requests' });
    await requests.waitFor();
    const note = page.getByRole('note').filter({ hasText: '4 requests are not shown here nor in the CSV: blind turn, vote to reveal.' });
    await note.waitFor({ timeout: 5000 }).catch(() => undefined);
    expect.soft(await note.count(), 'the note on hidden requests').toBe(1);
    expect.soft(await requests.locator('tbody tr').count()).toBe(3);
    const opens = await requests.getByRole('button', { name: /^Open the answer from/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect.soft(opens).toHaveLength(3);
    const csv = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    const csvLines = csv.trim().split('\r\n');
    expect.soft(csvLines).toHaveLength(4);
    for (const id of blindIds) expect.soft(csv).not.toContain(id as string);

    // the vote reveals: Activity rows, CSV and exports name the models again
    await page.getByRole('navigation', { name: 'Conversations' }).getByText('which way is best?').click();
    await page.getByRole('group', { name: 'Vote on this turn' }).waitFor();
    await page.getByRole('button', { name: 'Tie' }).click();
    await page.getByRole('group', { name: 'Your vote on this turn' }).waitFor();
    await expect.poll(() => balance.textContent(), { timeout: 10_000 }).toMatch(/^\$(13\.00|12\.50|11\.50)$/);
    expect(await page.getByText('(held: blind turn, vote to reveal)').count()).toBe(0);
    const revealedMd = await exportAs(page, 'Markdown');
    expect(revealedMd).not.toContain('## Blind turns');
    for (const m of MODELS) expect(revealedMd).toContain(m.words);
    const revealed = JSON.parse(await exportAs(page, 'JSON')).conversations[0];
    expect(revealed.generations).toHaveLength(4);
    expect(revealed.messages.filter((m: { parentId: string; model?: unknown }) => m.parentId === blindPrompt.id && m.model)).toHaveLength(4);

    await page.getByRole('button', { name: 'Activity', exact: true }).click();
    await requests.waitFor();
    await expect.poll(() => requests.locator('tbody tr').count()).toBe(7);
    expect(await page.getByRole('note').filter({ hasText: 'blind turn, vote to reveal' }).count()).toBe(0);
    const after = await download(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
    expect(after.trim().split('\r\n')).toHaveLength(8);
    for (const m of MODELS) expect(after).toContain(m.slug);
    expect(errors).toEqual([]);
    await page.close();
  });
});
