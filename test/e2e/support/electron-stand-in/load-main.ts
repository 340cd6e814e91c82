import { vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FakeElectron } from './fake-electron';

const repoRoot = resolve(import.meta.dirname, '../../../..');
/** What Electron runs: package.json's "main", built by `npm run build` (its renderer and preload beside it). */
export const MAIN_BUNDLE = join(repoRoot, JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).main as string);
export const BUILT_RENDERER = join(repoRoot, 'dist/renderer');
export const BUILT_PRELOAD = join(repoRoot, 'dist/preload/preload.cjs');

/** Runs the built main process against the stand-in: a fresh module graph each time, so its top-level code runs
 * again as it does at every launch. Call fake.launch() afterwards to fire `ready`. */
export async function loadMainProcess(fake: FakeElectron): Promise<void> {
  if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run \`npm run build\` first`);
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  await import(/* @vite-ignore */ pathToFileURL(MAIN_BUNDLE).href);
}
