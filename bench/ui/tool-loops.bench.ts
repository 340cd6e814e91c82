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
import { openAppPage } from './support/app-page';

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

    const page = await openAppPage(browser, host.url);
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

    /** Sends a prompt to the four columns and measures until every answer ended; waiting cards are answered as
     * "Always allow" does, so later calls of echo run pre-approved. */
    const measureSend = async (prompt: string) => {
      const box = page.getByRole('textbox', { name: 'Prompt' });
      await box.fill(prompt);
      const from = await page.evaluate(() => performance.now());
      await box.press('Enter');
      const t0 = Date.now();
      while (backend.streams!.active().filter((s) => s.status === 'streaming').length < COLUMNS && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 50));
      while (backend.streams!.active().some((s) => s.status === 'streaming') && Date.now() - t0 < 180_000) {
        for (const s of backend.streams!.active()) {
          for (const step of s.toolSteps ?? []) for (const c of step.calls) if (c.decision === 'pending') backend.streams!.approveTool(s.streamId, c.callId, 'always');
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      const to = await page.evaluate(() => performance.now());
      const loopsDone = backend.streams!.active().filter((s) => s.status === 'done' && s.toolSteps?.length === STEPS).length;
      await page.waitForTimeout(1000);
      return { reading: await readMeter(page, from, to), seconds: (to - from) / 1000, loopsDone };
    };
    // the same words streamed in one step without tools, then the loops
    const plain = await measureSend('[plain] Answer without tools.');
    const loops = await measureSend('Use the tool ten times.');
    await page.locator('.stat-steps', { hasText: `${STEPS} steps` }).nth(COLUMNS - 1).waitFor({ timeout: 30_000 });
    const fps = median(loops.reading.fps);
    const plainFps = median(plain.reading.fps);
    results.push(
      {
        name: `${COLUMNS} columns × ${STEPS}-step tool loops (stdio MCP fake): median fps`,
        value: fps, unit: 'fps', baseline: { name: 'same words streamed without tools', value: plainFps }, ratio: fps / plainFps, target: '>= 50 fps', pass: fps >= 50,
        notes: `${loops.reading.fps.length} one-second windows, min ${Math.min(...loops.reading.fps)} fps; ${loops.loopsDone}/${COLUMNS} loops done with ${STEPS} steps in ${loops.seconds.toFixed(1)} s; without tools min ${Math.min(...plain.reading.fps)} fps; idle page ${median(idle.fps)} fps`,
      },
      {
        name: 'longest long task during the tool loops', value: loops.reading.longest, unit: 'ms', baseline: { name: 'without tools', value: plain.reading.longest }, target: '<= 100 ms', pass: loops.reading.longest <= 100,
        notes: `longest gap between frames ${loops.reading.maxGap.toFixed(0)} ms (without tools ${plain.reading.maxGap.toFixed(0)} ms); ${loops.reading.longCount} long tasks (>50 ms) over ${loops.seconds.toFixed(1)} s; without tools ${plain.reading.longCount}; idle ${idle.longCount}`,
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
