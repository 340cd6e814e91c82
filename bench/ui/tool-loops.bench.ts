// Four columns each running a 10-step tool loop in headless Chromium, against the built renderer, the real host,
// stream manager and tool loop, and the SDK-built stdio MCP fake. Each model step streams 40 words at 100 words/s,
// then asks for `echo` (the last step only answers), in a room of 20 earlier turns: 9 approval cards, MCP calls and results per column, all in one
// room. The first card of each column is answered "Always allow" through main's route (chat.approveTool, as the
// card's button does); the rest run pre-approved. Measured: median frames per second over the loops (baseline: the
// same page idle) and the longest long task.
import { resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from '../types';
import { launchChromium } from '../../test/e2e/support/browser';
import { RENDERER_DIR } from '../../test/e2e/support/fake-host';
import { createBackend } from '../../electron/backend/create-backend';
import { createLocalCipher } from '../../electron/vault/local-cipher';
import { startHost } from '../../electron/host/host-server';
import { createToolLoopEngine } from './support/tool-loop-engine';
import { ensureBuilt, median, readMeter, startMeter } from './support/meter';
import { seedConversation } from './support/seed';

const STEPS = 10;
const COLUMNS = 4;
const STDIO_FAKE = resolve(import.meta.dirname, '../../test/fakes/mcp/stdio-server.ts');

export default async function run(): Promise<BenchResult[]> {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-tools-'));
  const fake = createToolLoopEngine({ steps: STEPS, tokensPerStep: 40, tokensPerSecond: 100 });
  const backend = createBackend({
    dataDir, transport: 'host', version: '0.0.0-bench', cipher: createLocalCipher(dataDir), chatEngine: fake.engine, env: {}, detectLocalServers: false,
    listModels: () => ({ models: [], source: 'bundled', fetchedAt: Date.now() }),
  });
  const host = await startHost({ backend, staticDir: RENDERER_DIR });
  const browser = await launchChromium();
  const results: BenchResult[] = [];
  const call = async <T,>(route: string, input: unknown): Promise<T> => {
    const out = (await backend.dispatch(route as never, input as never)) as { ok: boolean; value?: T; error?: { message: string } };
    if (!out.ok) throw new Error(`${route}: ${out.error?.message}`);
    return out.value as T;
  };
  try {
    const server = await call<{ id: string; commandLine: string }>('mcp.save', { transport: 'stdio', name: 'harbour', command: process.execPath, args: ['--import', 'tsx', STDIO_FAKE] });
    await call('mcp.confirm', { id: server.id, commandLine: server.commandLine });
    await call('mcp.start', { id: server.id });

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
    await page.goto(host.url);
    await page.getByText('No conversations yet').waitFor();
    await seedConversation(page, { dbName: 'parley', conversationId: 'bench-tools', title: 'Tool loops', columns: COLUMNS, messages: 5 * 20, lastPrompt: 'TOOLS-LATEST', updatedAt: Date.now(), tools: { servers: [server.id], tools: [] } });
    await page.reload();
    await page.locator('.conversation-item', { hasText: 'Tool loops' }).first().click();
    await page.locator('.user-text', { hasText: 'TOOLS-LATEST' }).waitFor();
    await page.getByRole('button', { name: 'Tools: 1 picked' }).waitFor();
    await page.waitForTimeout(1500);

    await startMeter(page);
    const idleFrom = await page.evaluate(() => performance.now());
    await page.waitForTimeout(3000);
    const idle = await readMeter(page, idleFrom, await page.evaluate(() => performance.now()));

    const box = page.getByRole('textbox', { name: 'Prompt' });
    await box.fill('Use the tool ten times.');
    const from = await page.evaluate(() => performance.now());
    await box.press('Enter');
    const t0 = Date.now();
    while (backend.streams!.active().filter((s) => s.status === 'streaming').length < COLUMNS && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 50));
    // answer each waiting card as "Always allow" does; later calls of echo then run pre-approved
    while (backend.streams!.active().some((s) => s.status === 'streaming') && Date.now() - t0 < 180_000) {
      for (const s of backend.streams!.active()) {
        for (const step of s.toolSteps ?? []) for (const c of step.calls) if (c.decision === 'pending') backend.streams!.approveTool(s.streamId, c.callId, 'always');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const to = await page.evaluate(() => performance.now());
    const loops = await readMeter(page, from, to);
    const done = backend.streams!.active().filter((s) => s.status === 'done' && s.toolSteps?.length === STEPS).length;
    await page.locator('.stat-steps', { hasText: `${STEPS} steps` }).nth(COLUMNS - 1).waitFor({ timeout: 30_000 });
    const fps = median(loops.fps);
    const idleFps = median(idle.fps);
    results.push(
      {
        name: `${COLUMNS} columns × ${STEPS}-step tool loops (stdio MCP fake): median fps`,
        value: fps, unit: 'fps', baseline: { name: 'same page idle', value: idleFps }, ratio: fps / idleFps, target: '>= 50 fps', pass: fps >= 50,
        notes: `${loops.fps.length} one-second windows, min ${Math.min(...loops.fps)} fps; ${done}/${COLUMNS} loops done with ${STEPS} steps; ${fake.requests()} model steps`,
      },
      {
        name: 'longest long task during the tool loops', value: loops.longest, unit: 'ms', target: '<= 100 ms', pass: loops.longest <= 100,
        notes: `longest gap between frames ${loops.maxGap.toFixed(0)} ms; ${loops.longCount} long tasks (>50 ms) over ${((to - from) / 1000).toFixed(1)} s; idle: ${idle.longCount}`,
      },
    );
    await page.close();
  } finally {
    await browser.close();
    await host.close();
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
