import { describe, it, expect } from 'vitest';
import { _electron } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const electron = findElectronBinary() as { path: string | null; reason?: string };
const root = resolve(import.meta.dirname, '../..');
const reason = electron.path ? '' : ` (skipped: Electron binary not installed — ${electron.reason})`;

if (!electron.path) console.warn(`Electron launch test skipped: the Electron binary is not installed (${electron.reason})`);

describe('the real Electron window', () => {
  it.skipIf(!electron.path)(`opens the hardened app window on app://parley${reason}`, async () => {
    const app = await _electron.launch({
      executablePath: electron.path!,
      args: [root, '--no-sandbox'],
      env: { ...process.env, PARLEY_HOME: mkdtempSync(join(tmpdir(), 'parley-electron-')) },
    });
    try {
      const window = await app.firstWindow();
      await window.getByRole('heading', { name: /^(Talk to many models at once|Get a first answer)$/ }).waitFor(); // the first run when no key is set
      expect(window.url()).toBe('app://parley/index.html');
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (window as unknown as { parley?: unknown }).parley)).toBe('object');
      const info = await window.evaluate(async () => {
        const api = (window as unknown as { parley: { invoke(r: string, i: unknown): Promise<unknown> } }).parley;
        return api.invoke('app.info', {});
      });
      expect(info).toMatchObject({ ok: true, value: { name: 'Parley', transport: 'electron' } });
    } finally {
      await app.close();
    }
  });
});
