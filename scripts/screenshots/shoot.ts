import type { Page } from 'playwright-core';

// The screenshots' one way to take a view: at 1024×768 and 1920×1080, light and dark, as
// `<outDir>/<name>-<width>-<scheme>.png`; the page gets its viewport and light scheme back afterwards. `before`
// runs at each size and scheme just before the picture, for what a resize undoes (a scroll position, say).

export async function shoot(page: Page, outDir: string, name: string, opts: { before?: (page: Page) => Promise<void> } = {}): Promise<void> {
  const before = page.viewportSize();
  for (const [width, height] of [[1024, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300); // layout and lazy content settle at the new size
      if (opts.before) {
        await opts.before(page);
        await page.waitForTimeout(150);
      }
      await page.screenshot({ path: `${outDir}/${name}-${width}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (before) await page.setViewportSize(before);
}
