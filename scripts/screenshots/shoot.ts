import type { Page } from 'playwright-core';

// The screenshot scripts' one way to take a view: at 1024×768 and 1920×1080, light and dark, as
// `<outDir>/<name>-<width>-<scheme>.png`; the page gets its viewport and light scheme back afterwards.

export async function shoot(page: Page, outDir: string, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const [width, height] of [[1024, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(300); // layout and lazy content settle at the new size
      await page.screenshot({ path: `${outDir}/${name}-${width}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (before) await page.setViewportSize(before);
}
