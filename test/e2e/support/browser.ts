import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';

const options = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set PARLEY_CHROMIUM`);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's Playwright endpoint (test/e2e/support/shared-chromium.ts); '' when there is none. */
    chromiumEndpoint: string;
  }
}

/** The e2e project's shared Chromium, when this runs under vitest with it started; else undefined. */
async function sharedEndpoint(): Promise<string | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  return inject('chromiumEndpoint') || undefined;
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. Under the e2e project this is a
 * connection to the one Chromium its global setup started: each test file gets its own pages and contexts (fresh
 * profiles, as before), and `close()` closes those and disconnects, leaving the browser to the next file. */
export async function launchChromium(): Promise<Browser> {
  const endpoint = await sharedEndpoint();
  if (endpoint) return chromium.connect(endpoint);
  assertChromium();
  return chromium.launch(options);
}

/** A Chromium of its own keeping its profile (IndexedDB included) in `userDataDir` (its --user-data-dir). */
export async function launchChromiumWithProfile(userDataDir: string): Promise<BrowserContext> {
  assertChromium();
  return chromium.launchPersistentContext(userDataDir, options);
}

/** Starts the Chromium that launchChromium() connects to; the returned function stops it. */
export async function startSharedChromium(): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  assertChromium();
  const server = await chromium.launchServer(options);
  return { endpoint: server.wsEndpoint(), stop: () => server.close() };
}
