import type { Page } from 'playwright-core';

/** Opens "Add a model" as a user does: Ctrl+K opens the command palette, "add model" and Enter the picker. */
export async function openModelPicker(page: Page): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox', { name: 'Type a command' }).fill('add model');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Add a model' }).waitFor();
}

/** Adds a model to the open room through the picker, choosing the row whose id is exactly `slug`. */
export async function addModel(page: Page, slug: string): Promise<void> {
  await openModelPicker(page);
  const dialog = page.getByRole('dialog', { name: 'Add a model' });
  await dialog.getByRole('searchbox', { name: 'Search models' }).fill(slug);
  await dialog.getByRole('button', { name: new RegExp(`\\(${slug.replace(/[.]/g, '\\.')}\\)$`) }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Adds a model by typing its whole id and Enter, as a user does for a model the list does not hold (a host on the
 * scripted engine lists none). */
export async function addModelById(page: Page, slug: string): Promise<void> {
  await openModelPicker(page);
  const dialog = page.getByRole('dialog', { name: 'Add a model' });
  await dialog.getByRole('searchbox', { name: 'Search models' }).fill(slug);
  await dialog.getByRole('searchbox', { name: 'Search models' }).press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

/** A host on the scripted engine has no key of its own, so a new chat opens on the first run, as it would for a
 * newcomer: these tests play a user who skips it and picks models themselves. */
export async function pastFirstRun(page: Page): Promise<void> {
  const welcome = page.getByRole('heading', { name: 'Talk to many models at once' });
  const skip = page.getByRole('button', { name: 'Skip: I’ll add keys in Settings' });
  await welcome.or(skip).first().waitFor();
  if (await skip.isVisible()) await skip.click();
  await welcome.waitFor();
}
