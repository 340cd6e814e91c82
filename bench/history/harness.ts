// Builds bench/history/page.ts into one script with esbuild, serves it on 127.0.0.1 and opens it in headless
// Chromium, so the history store is measured on real IndexedDB (not fake-indexeddb).
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    absWorkingDir: root,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** The page script, and the search-index worker it starts with new URL('./index-worker.ts', import.meta.url). */
export async function buildPage(): Promise<{ page: string; worker: string }> {
  return { page: await bundle(join(here, 'page.ts')), worker: await bundle(join(root, 'renderer/history/search/index/index-worker.ts')) };
}

export interface BenchPage {
  page: Page;
  close(): Promise<void>;
}

export async function openBenchPage(): Promise<BenchPage> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set PARLEY_CHROMIUM)`);
  const js = await buildPage();
  const server: Server = createServer((req, res) => {
    if (req.url === '/bench.js' || req.url === '/index-worker.ts') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(req.url === '/bench.js' ? js.page : js.worker);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
    const page = await browser.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'parleyBench' in window, undefined, { timeout: 30_000 });
    return {
      page,
      close: async () => {
        await browser?.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  } catch (err) {
    await browser?.close();
    server.close();
    throw err;
  }
}
