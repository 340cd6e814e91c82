import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/e2e/support/browser';
import { startHostProcess } from '../../test/e2e/support/host-process';
import { startFakeOpenRouter } from '../../test/e2e/support/openrouter-with-account';
import { addModel, pastFirstRun } from '../../test/e2e/support/room-actions';
import { sampleGeneration } from '../../test/fakes/openrouter-account';
import { shoot } from './shoot';
import { freePort } from '../../test/e2e/support/free-port';

// Screenshots of what things cost, at 1024×768 and 1920×1080, light and dark, against the built host (run as
// `npm run host` runs it) and a fake OpenRouter that streams the answers, bills them at the catalog's list prices
// and serves /generation and /credits: a room of three models after three turns with "Explain this cost" open
// (cost-answer), a follow-up typed but not sent with its pre-send estimate (cost-estimate), the Reprice dialog
// (reprice), Activity with those requests (cost-activity) and its BYOK fee calculator (cost-fees). Claude goes
// through OpenRouter on the user's own Anthropic key (BYOK: the provider's charge plus OpenRouter's 5 % fee); the
// other two are paid with OpenRouter credits.
// `npm run build`, then `npx tsx scripts/screenshots/money-views.ts [dir]`.
const OUT = process.argv[2] ?? 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const KEY = 'sk-or-v1-screenshots-money-7310';

// $ per token, as in the bundled catalog (shared/catalog/snapshot.json)
const MODELS: Record<string, { provider: string; input: number; output: number; byok?: true; tps: number }> = {
  'anthropic/claude-sonnet-4.5': { provider: 'Anthropic', input: 3e-6, output: 15e-6, byok: true, tps: 70 },
  'openai/gpt-5': { provider: 'OpenAI', input: 1.25e-6, output: 10e-6, tps: 90 },
  'google/gemini-2.5-pro': { provider: 'Google Vertex', input: 1.25e-6, output: 10e-6, tps: 110 },
};
const ROOM = Object.keys(MODELS);

const Q1 = 'What is the difference between a process and a thread? Keep it short.';
const Q2 = 'Give me a one-line rule of thumb for choosing between them.';
const Q3 = 'Which would you use to resize thousands of images in Python?';
const NEXT = 'And when would you pick async I/O over threads in a Python web service?';
const ANSWERS: Record<string, Record<string, string>> = {
  [Q1]: {
    'anthropic/claude-sonnet-4.5': [
      'A **process** is a running program with its own address space: memory, file handles and at least one thread. A **thread** is a path of execution *inside* a process.',
      '',
      '- Threads of one process **share** its memory, so they talk cheaply but need locks.',
      '- Processes are **isolated**: a crash stays in one, and they talk through pipes, sockets or shared memory.',
      '- Starting a thread is cheaper than starting a process.',
    ].join('\n'),
    'openai/gpt-5': [
      '**Process:** an instance of a program with its own virtual memory, resources and security context.',
      '',
      '**Thread:** a unit of scheduling within a process; threads share the heap and open files but each has its own stack and registers.',
      '',
      'In short: processes isolate, threads share. Use processes for fault isolation and CPU parallelism in runtimes with a global lock, threads for concurrent work over shared state.',
    ].join('\n'),
    'google/gemini-2.5-pro': [
      '| | Process | Thread |',
      '|---|---|---|',
      '| Memory | its own | shared with its process |',
      '| Cost to create | high | low |',
      '| A crash | stays in it | takes the process down |',
      '| Talking | IPC: pipes, sockets | shared variables + locks |',
      '',
      'A process is a container of resources; a thread is what the CPU actually runs.',
    ].join('\n'),
  },
  [Q2]: {
    'anthropic/claude-sonnet-4.5': 'Use threads when tasks must share a lot of state and wait on I/O; use processes when they must not crash each other or need every CPU core.',
    'openai/gpt-5': 'Isolation or CPU-bound work: processes. Shared state and I/O-bound work: threads.',
    'google/gemini-2.5-pro': 'If they need to share memory, threads; if they need to be safe from each other, processes.',
  },
  [Q3]: {
    'anthropic/claude-sonnet-4.5': 'Processes: resizing is CPU-bound, and the GIL keeps Python threads on one core. `concurrent.futures.ProcessPoolExecutor` with one worker per core is the simplest way.',
    'openai/gpt-5': 'A process pool (`multiprocessing.Pool` or `ProcessPoolExecutor`). Pillow releases the GIL for some operations, but processes scale across cores reliably.',
    'google/gemini-2.5-pro': 'Processes. Image resizing is CPU-bound, so threads would mostly wait on the GIL; map the files over a `ProcessPoolExecutor`.',
  },
};
const tokensOf = (text: string) => Math.max(1, Math.round(text.length / 4));
const dollars = (x: number) => Number(x.toFixed(10));

const openrouter = await startFakeOpenRouter(KEY);
let n = 0;
openrouter.chat.setDefault((req) => {
  const body = req.body as { model?: string; messages?: { role: string; content: unknown }[] };
  const model = String(body.model);
  const m = MODELS[model] ?? MODELS['openai/gpt-5']!;
  const messages = body.messages ?? [];
  const last = [...messages].reverse().find((x) => x.role === 'user');
  const prompt = typeof last?.content === 'string' ? last.content : JSON.stringify(last?.content ?? '');
  const text = ANSWERS[prompt]?.[model] ?? 'Happy to help with that.';
  const tokensIn = 12 + tokensOf(JSON.stringify(messages));
  const tokensOut = tokensOf(text);
  const price = dollars(tokensIn * m.input + tokensOut * m.output); // the provider's list price
  const fee = dollars(price * 0.05); // OpenRouter's BYOK fee
  const id = `gen-${1764000000 + ++n}-shots${n}`;
  openrouter.account.state.generations[id] = {
    data: sampleGeneration(id, {
      model, provider_name: m.provider, is_byok: !!m.byok, total_cost: m.byok ? fee : price, usage: m.byok ? fee : price, upstream_inference_cost: m.byok ? price : null,
      tokens_prompt: tokensIn, tokens_completion: tokensOut, native_tokens_prompt: tokensIn, native_tokens_completion: tokensOut,
      created_at: new Date().toISOString(), latency: 600 + n * 37, generation_time: 1800 + n * 91,
    }),
  };
  return {
    generationId: id,
    tokensPerSecond: m.tps,
    reply: { text, provider: m.provider, usage: { prompt: tokensIn, completion: tokensOut, ...(m.byok ? { cost: fee, isByok: true, upstreamCost: price } : { cost: price }) } },
  };
});
const host = await startHostProcess({
  // no local servers: Ollama's and LM Studio's ports point at closed ones
  env: { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: openrouter.url, PARLEY_OLLAMA_PORT: String(await freePort()), PARLEY_LM_STUDIO_PORT: String(await freePort()) },
});
const browser = await launchChromium();
const answer = (page: Page, name: string) => page.getByRole('article', { name: `Answer from ${name}` });
const answersDone = (page: Page) => page.waitForFunction(() => !document.querySelector('[aria-label="Stop all answers (Esc)"]'), null, { timeout: 60_000 });
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' }); // tsx names the functions page.evaluate sends
  await page.goto(host.url);
  await pastFirstRun(page);
  for (const m of ROOM) await addModel(page, m);
  const box = page.getByRole('textbox', { name: 'Prompt' });
  for (const q of [Q1, Q2, Q3]) {
    await box.fill(q);
    await box.press('Enter');
    await page.getByRole('button', { name: 'Stop all answers (Esc)' }).waitFor();
    await answersDone(page);
  }
  // every answer checked against OpenRouter's record (the host reads /generation a second after each answer)
  const claude = answer(page, 'claude-sonnet-4.5').last();
  await claude.getByLabel(/^Cost: \$[\d.]+ \(\$[\d.]+ provider \+ \$[\d.]+ OpenRouter fee\)$/).waitFor({ timeout: 20_000 });
  await claude.getByRole('button', { name: 'Explain this cost' }).click();
  const panel = claude.getByRole('region', { name: 'How this cost was worked out' });
  await panel.getByText(/OpenRouter's record agrees/).waitFor({ timeout: 20_000 });
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // the answer's toolbar shows on hover and focus only
  // the room scrolled to its end where the answer and its panel fit; in a short window, from the answer's figures down
  await shoot(page, OUT, 'cost-answer', {
    before: async (p) => {
      if (p.viewportSize()!.height > 900) await claude.evaluate((el) => el.closest('.turn-scroll')!.scrollTo({ top: 1e6 }));
      else await claude.getByLabel('Answer details').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    },
  });
  await claude.getByRole('button', { name: 'Hide cost details' }).click();

  // a follow-up typed, not sent: the composer's estimate per model, from the history's answer lengths
  await box.fill(NEXT);
  await page.getByLabel('Send estimate').getByText(/claude-sonnet-4\.5|Claude Sonnet 4\.5/i).waitFor();
  await page.waitForTimeout(500);
  const toEnd = (p: Page) => p.locator('.turn-scroll').evaluate((el) => el.scrollTo({ top: 1e6 }));
  await shoot(page, OUT, 'cost-estimate', { before: toEnd });
  await box.fill('');

  // Reprice: the same usage on each model of the room, and a cheaper one added to compare
  await page.getByRole('button', { name: 'Reprice', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'What would this have cost?' });
  const table = dialog.getByRole('table', { name: 'Cost on each model' });
  await table.waitFor();
  await dialog.getByRole('combobox', { name: 'Model to compare' }).fill('deepseek/deepseek-chat-v3.1');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await table.locator('tbody tr', { hasText: 'deepseek/deepseek-chat-v3.1' }).waitFor();
  await shoot(page, OUT, 'reprice', { before: toEnd });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // The days before, this month: the same kinds of request from conversations since deleted (their ledger rows
  // stay), copied from today's with more or fewer tokens, written straight into the page's database; so Activity's
  // chart and forecast have a week to show (with one day of spending alone the forecast's spread reads "Invalid Date"
  // about half the time: renderer/money/forecast/forecast.ts takes a rounding error above zero for a low burn).
  await page.evaluate(async ({ perDay }) => {
    const db: IDBDatabase = await new Promise((done) => { const r = indexedDB.open('parley'); r.onsuccess = () => done(r.result); });
    const rows: Record<string, unknown>[] = await new Promise((done) => {
      const r = db.transaction('generations').objectStore('generations').getAll();
      r.onsuccess = () => done(r.result);
    });
    const today = rows.sort((a, b) => (a.createdAt as number) - (b.createdAt as number) || String(a.model).localeCompare(String(b.model)));
    const midnight = new Date().setUTCHours(0, 0, 0, 0);
    const tx = db.transaction('generations', 'readwrite');
    perDay.forEach(([count, scale], d) => {
      for (let i = 0; i < count; i++) {
        const row = structuredClone(today[(i + d) % today.length]!);
        const f = scale * (0.8 + ((i * 7 + d * 3) % 5) / 10);
        for (const k of Object.keys(row)) {
          if (/Micros$/.test(k) && typeof row[k] === 'number') row[k] = Math.round((row[k] as number) * f);
          if (/Usd$/.test(k) || k === 'costLines' || k === 'conversationId' || k === 'messageId') delete row[k];
        }
        const t = row.tokens as Record<string, number>;
        for (const k of ['prompt', 'completion']) t[k] = Math.round(t[k]! * f);
        row.id = `gen-earlier-${d}-${i}`;
        row.createdAt = midnight - (perDay.length - d) * 86_400_000 + (9 + ((i * 5 + d) % 9)) * 3_600_000 + ((i * 17 + d * 11) % 60) * 60_000;
        tx.objectStore('generations').put(row);
      }
    });
    await new Promise<void>((done) => { tx.oncomplete = () => done(); });
    db.close();
  }, { perDay: [[6, 2.5], [9, 4], [0, 0], [4, 1.5], [12, 6], [7, 3]] as [number, number][] });
  await page.reload();
  await page.getByRole('heading', { name: Q1 }).waitFor();

  // OpenRouter charged its BYOK fee on every request above, so the comparison should not assume a free allowance
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Money', exact: true }).click();
  const feeForm = page.getByRole('form', { name: 'BYOK fee settings' });
  await feeForm.getByRole('combobox', { name: 'Free allowance' }).selectOption('none');
  await feeForm.getByRole('button', { name: 'Save fee settings' }).click();
  await feeForm.getByRole('status').getByText('Saved.').waitFor();

  // Activity, opened afresh for every picture: its chart (renderer/money/activity/DailyChart.tsx) takes its colours
  // when it is drawn, so a scheme changed while it is open would leave its axes in the other scheme's colours
  const openActivity = async (p: Page) => {
    await p.getByRole('button', { name: 'Leaderboard', exact: true }).click();
    await p.getByRole('heading', { name: 'Activity', level: 1 }).waitFor({ state: 'detached' });
    await p.getByRole('button', { name: 'Activity', exact: true }).click();
    await p.getByRole('table', { name: 'Requests' }).getByText('OpenRouter fee)').first().waitFor();
    await p.getByRole('combobox', { name: 'Group by' }).selectOption('model');
    await p.locator('.activity-chart canvas').first().waitFor();
    await p.mouse.move(0, 0);
  };
  await shoot(page, OUT, 'cost-activity', { before: openActivity });
  await shoot(page, OUT, 'cost-fees', {
    before: async (p) => {
      await openActivity(p);
      await p.getByRole('table', { name: 'BYOK cost comparison' }).waitFor();
      await p.getByRole('heading', { name: 'BYOK fee calculator' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    },
  });

  if (errors.length) throw new Error(`errors in the page:\n${errors.join('\n')}`);
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await host.stop();
  await openrouter.close();
}
