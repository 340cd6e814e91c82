import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './support/browser';
import { spawnHost, startHostProcess, type HostProcess } from './support/host-process';
import { startFakeUpstream, type FakeUpstream } from '../fakes';
import { generationRecordSchema, type GenerationRecord } from '../../shared/openrouter/generation';
import { countTextTokens, estimateRequestTokens } from '../../shared/billing/estimate-tokens';
import { shownCost, shownCostLabel } from '../../shared/billing/shown-cost';
import { RELAYED_FLUSH_MS } from '../../electron/backend/interrupted/relayed-tokens';
import { openModelPicker, pastFirstRun } from './support/room-actions';
import { freePort } from './support/free-port';

// The loopback host across restarts, as a browser user meets it: the same address every launch (the browser keeps
// the history per address), backups offered to a store that opens empty, a tab that outlived its host, and a
// local-API request cut by `kill -9`.

let browser: Browser;
const cleanups: (() => Promise<unknown> | unknown)[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  await browser?.close();
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'parley-restart-'));
  cleanups.push(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

async function host(opts: Parameters<typeof startHostProcess>[0]): Promise<HostProcess> {
  const h = await startHostProcess(opts);
  cleanups.push(() => h.stop());
  return h;
}

async function fakeOpenRouter(): Promise<FakeUpstream> {
  const f = await startFakeUpstream('openrouter', { requireKey: 'sk-or-restart-key-1234' });
  cleanups.push(() => f.close());
  return f;
}

const env = (upstream: FakeUpstream) => ({ OPENROUTER_API_KEY: 'sk-or-restart-key-1234', OPENROUTER_BASE_URL: upstream.url, PARLEY_API_TOKEN: 'parley-restart-token' });

async function newPage(url: string): Promise<Page> {
  const page = await browser.newPage(); // a new context: a fresh browser profile
  cleanups.push(() => page.context().close());
  await page.goto(url);
  await pastFirstRun(page);
  return page;
}

/** One route call over the bridge, as the page makes it. */
async function call(h: HostProcess, route: string, input: unknown): Promise<unknown> {
  const ws = new WebSocket(`ws://127.0.0.1:${h.port}/bridge`, ['parley.v1', `parley.token.${h.token}`], { headers: { Origin: h.origin } });
  try {
    await new Promise((r, f) => ws.once('open', r).once('error', f));
    ws.send(JSON.stringify({ t: 'call', id: 1, route, input }));
    return await new Promise((r) => {
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { t: string; id?: number; ok?: boolean; value?: unknown };
        if (frame.t === 'result' && frame.id === 1) r(frame.ok ? frame.value : frame);
      });
    });
  } finally {
    ws.close();
  }
}

describe('browser mode keeps one address', () => {
  it('reuses the port of the last launch, and refuses a taken port with one line saying how to pick another', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const first = await host({ dataDir, port });
    expect(first.port).toBe(port);
    await first.kill();

    // No --port: the same address as last time, so the browser finds the same history.
    const second = await host({ dataDir, port: null });
    expect(second.port).toBe(port);
    await second.kill();

    // Taken by another program: say so, do not wander off to a new (empty) address.
    const squatter: Server = createServer();
    await new Promise<void>((r) => squatter.listen(port, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => squatter.close(r)));
    const { child, output } = spawnHost(dataDir, { port: null });
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).toBe(1);
    expect(output()).not.toContain('Parley is running');
    expect(output()).toContain(`Port ${port} is already in use (the port Parley used last time)`);
    expect(output()).toMatch(/start with --port <n> or PARLEY_PORT=<n>/);
  });

  it('offers a store that opens empty the backups in the data directory, and restoring brings the conversations back', async () => {
    const upstream = await fakeOpenRouter();
    upstream.setDefault({ reply: { text: 'Noted: the password is swordfish' } });
    const h = await host({ env: env(upstream) });

    // A first browser profile: one conversation, backed up to the data directory.
    const page = await newPage(h.url);
    await page.getByRole('button', { name: 'New chat' }).click();
    await openModelPicker(page);
    const picker = page.getByRole('dialog', { name: 'Add a model' });
    await picker.getByRole('searchbox', { name: 'Search models' }).fill('openai/gpt-4o');
    await picker.getByRole('button', { name: /\(openai\/gpt-4o\)$/ }).click();
    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('Remember the password');
    await box.press('Enter');
    await page.getByRole('article', { name: 'Answer from gpt-4o' }).getByText('Noted: the password is swordfish').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('region', { name: 'Restore from backups' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Storage' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/^Backed up 1 changed conversation to parley-backup-/).waitFor();

    // A fresh profile on the same address (or the history lost): the page offers the backups.
    const fresh = await newPage(h.url);
    await fresh.getByText('No conversations yet.').waitFor();
    const offer = fresh.getByRole('region', { name: 'Restore from backups' });
    await offer.getByText(/holds 1 daily backup \(newest \d{4}-\d{2}-\d{2}\)/).waitFor();
    await offer.getByRole('button', { name: 'Restore conversations' }).click();
    await fresh.getByText('Restored 1 conversation from 1 backup.').waitFor();
    await fresh.getByRole('button', { name: /^Remember the password/ }).click();
    await fresh.getByText('Noted: the password is swordfish').waitFor();

    // Declined in another fresh profile: not offered again there.
    const declined = await newPage(h.url);
    await declined.getByRole('region', { name: 'Restore from backups' }).getByRole('button', { name: 'Not now' }).click();
    await declined.reload();
    await declined.getByText('No conversations yet.').waitFor();
    await declined.waitForTimeout(500);
    expect(await declined.getByRole('region', { name: 'Restore from backups' }).count()).toBe(0);
  });
});

describe('a tab open across a host restart', () => {
  it('says Parley was restarted and to reopen the link, instead of reconnecting forever', async () => {
    const dataDir = tempDir();
    const before = await host({ dataDir });
    const page = await newPage(before.url);
    const status = page.getByRole('status', { name: 'Connection' });
    await expect.poll(() => status.textContent()).toBe('');

    await before.kill();
    await status.getByText(/Reconnecting…|Connecting…/).waitFor();
    const after = await host({ dataDir, port: before.port }); // same address, new token
    await status.getByText('Parley was restarted: reopen the link printed in the terminal').waitFor({ timeout: 20_000 });

    // The new link works in the same tab.
    await page.goto(after.url);
    await pastFirstRun(page);
    await expect.poll(() => status.textContent()).toBe('');
  });
});

describe('a local-API request cut by kill -9', () => {
  it('is in the usage ledger after the restart, with tokens estimated from what was relayed and priced, marked estimated (interrupted)', async () => {
    const upstream = await fakeOpenRouter();
    const words = Array.from({ length: 40 }, (_, i) => `word${i + 1} `);
    // The fake streams one word per chunk (after a role chunk), then stalls after the 11th word until killed.
    upstream.setDefault({ reply: { text: words }, stallAfterChunks: { after: 12 } });
    const dataDir = tempDir();
    const first = await host({ dataDir, env: env(upstream), args: ['--api', '--api-port', '0'] });
    await expect.poll(() => /Local API: (\S+)/.exec(first.output())?.[1]).toBeTruthy();
    const apiUrl = /Local API: (\S+)/.exec(first.output())![1]!;
    const auth = { authorization: 'Bearer parley-restart-token' };
    const catalog = (await (await fetch(`${apiUrl}/models`, { headers: auth })).json()) as { data: { id: string; pricing: { prompt: string; completion: string } }[] };
    const price = catalog.data.find((m) => m.id === 'openai/gpt-4o')!.pricing;

    const messages = [{ role: 'user' as const, content: 'Count from one to forty, one word at a time.' }];
    const res = await fetch(`${apiUrl}/chat/completions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai/gpt-4o', stream: true, messages }),
    });
    const generationId = res.headers.get('x-generation-id')!;
    const reader = res.body!.getReader();
    let relayed = '';
    let buffered = '';
    while (!relayed.includes('word11 ')) {
      buffered += new TextDecoder().decode((await reader.read()).value);
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('data: {')) continue;
        relayed += (JSON.parse(line.slice(6)) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? '';
      }
    }
    expect(relayed).toBe(words.slice(0, 11).join(''));
    // The journal counts relayed tokens at most every RELAYED_FLUSH_MS: give it one flush before the kill.
    await new Promise((r) => setTimeout(r, 2 * RELAYED_FLUSH_MS));
    await first.kill('SIGKILL');
    await reader.read().catch(() => undefined);

    const second = await host({ dataDir, env: env(upstream), args: ['--api', '--api-port', '0'] });
    const entries = (await call(second, 'generations.since', { afterSeq: 0 })) as { kind: string; record?: GenerationRecord }[];
    const records = entries.filter((e) => e.kind === 'record').map((e) => e.record!);
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record).toMatchObject({
      id: generationId, source: 'local-api', requestedModel: 'openai/gpt-4o', model: 'openai/gpt-4o', upstreamKind: 'openrouter', streamed: true,
      costSource: 'computed', costReason: 'interrupted', finishReason: 'error',
      error: { message: expect.stringMatching(/^Interrupted: Parley stopped before this request finished; its usage and cost are estimated/) },
    });
    expect(generationRecordSchema.safeParse(record).success).toBe(true);
    // Tokens: the prompt's estimate, and close to the 11 words the client received (≈ 2 tokens a word here).
    const t = record.tokens!;
    expect(t.estimated).toBe(true);
    expect(t.prompt).toBe(estimateRequestTokens({ messages }).tokens);
    const relayedTokens = countTextTokens(relayed);
    expect(t.completion).toBeGreaterThanOrEqual(relayedTokens - 2);
    expect(t.completion).toBeLessThanOrEqual(relayedTokens + 4);
    // Cost: those tokens × the model's catalog price, in µ$.
    const expected = (t.prompt * Number(price.prompt) + t.completion * Number(price.completion)) * 1e6;
    expect(expected).toBeGreaterThan(0);
    expect(Math.abs(record.costMicros! - expected)).toBeLessThanOrEqual(1);
    expect(shownCostLabel(shownCost(record))).toMatch(/^≈ \$[\d.]+ estimated \(interrupted\)$/);

    // The calling app sees the same figures at /generation, marked the same way.
    await expect.poll(() => /Local API: (\S+)/.exec(second.output())?.[1]).toBeTruthy();
    const secondApi = /Local API: (\S+)/.exec(second.output())![1]!;
    const stats = (await (await fetch(`${secondApi}/generation?id=${generationId}`, { headers: auth })).json()) as { data: Record<string, unknown> };
    expect(stats.data).toMatchObject({
      id: generationId, tokens_prompt: t.prompt, tokens_completion: t.completion, parley_cost_note: 'estimated (interrupted)',
    });
    expect(Math.abs((stats.data.total_cost as number) * 1e6 - record.costMicros!)).toBeLessThanOrEqual(1); // exact USD, then µ$
    // …and the estimate counts against the app key's spend.
    const key = (await (await fetch(`${secondApi}/key`, { headers: auth })).json()) as { data: { usage: number } };
    expect(Math.round(key.data.usage * 1e6)).toBe(record.costMicros);
  });

  it('is in the usage ledger as interrupted with its cost unknown when no provider had answered yet', async () => {
    const upstream = await fakeOpenRouter();
    upstream.setDefault({ reply: { text: 'never sent' }, stallBeforeHeadersMs: Infinity });
    const dataDir = tempDir();
    const first = await host({ dataDir, env: env(upstream), args: ['--api', '--api-port', '0'] });
    await expect.poll(() => /Local API: (\S+)/.exec(first.output())?.[1]).toBeTruthy();
    const apiUrl = /Local API: (\S+)/.exec(first.output())![1]!;
    const pending = fetch(`${apiUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer parley-restart-token', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai/gpt-4o', stream: true, messages: [{ role: 'user', content: 'count' }] }),
    }).catch(() => undefined);
    await expect.poll(() => upstream.requests.filter((r) => r.path.endsWith('/chat/completions')).length, { timeout: 10_000 }).toBe(1);
    await first.kill('SIGKILL');
    await pending;

    const second = await host({ dataDir, env: env(upstream) });
    const entries = (await call(second, 'generations.since', { afterSeq: 0 })) as { kind: string; record?: GenerationRecord }[];
    const records = entries.filter((e) => e.kind === 'record').map((e) => e.record!);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      source: 'local-api', requestedModel: 'openai/gpt-4o', streamed: true, costSource: 'none', costReason: 'interrupted', finishReason: 'error', tokens: null,
      error: { message: expect.stringMatching(/^Interrupted: Parley stopped before this request finished, so its usage and cost are unknown/) },
    });
    expect(records[0]!.costMicros).toBeUndefined();
  });
});
