import type { Browser, Page } from 'playwright-core';

/** A new 1600×1000 page on the app at `url`, opened on an empty history. tsx compiles the functions handed to
 * page.evaluate with esbuild's keepNames helper (`__name`), so the page gets a no-op one before any script runs. */
export async function openAppPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  await page.goto(url);
  await page.getByText('No conversations yet').waitFor();
  return page;
}
