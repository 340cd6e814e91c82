import type { Page } from 'playwright-core';

/** Adds a model to the open room through the picker (Ctrl+K), choosing the row whose id is exactly `slug`. */
export async function addModel(page: Page, slug: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Add a model' });
  await dialog.getByRole('searchbox', { name: 'Search models' }).fill(slug);
  await dialog.getByRole('button', { name: new RegExp(`\\(${slug.replace(/[.]/g, '\\.')}\\)$`) }).click();
  await dialog.waitFor({ state: 'detached' });
}
