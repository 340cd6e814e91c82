import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startHostProcess } from './host-process';
import { createFakeElectron } from './electron-stand-in/fake-electron';
import { loadMainProcess } from './electron-stand-in/load-main';
import { attachPage, serveAppScheme } from './electron-stand-in/renderer-page';

/** A way of running Parley that a test can open the app in: the same journey runs over each. */
export interface Shell {
  /** A fresh page showing the app, connected to this shell's main process. */
  open(browser: Browser): Promise<Page>;
  /** Calls that reached main over Electron IPC (null: this shell has no IPC). */
  ipcInvocations(): number | null;
  stop(): Promise<void>;
}

export interface ShellKind {
  transport: string;
  start(): Promise<Shell>;
}

/** `npm run host`: the built host in its own process; the page talks to it over the WebSocket bridge. */
export const hostShell: ShellKind = {
  transport: 'the loopback host (WebSocket)',
  async start() {
    const host = await startHostProcess();
    return {
      async open(browser) {
        const page = await browser.newPage();
        await page.goto(host.url);
        return page;
      },
      ipcInvocations: () => null,
      stop: () => host.stop(),
    };
  },
};

const version = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string }).version;

/** The Electron app without its binary: the built main process (dist/main/main.js) in this process against the
 * stand-in `electron`, its window's renderer played by a Chromium page that runs the built preload. The page
 * talks to main over ipcRenderer.invoke → main's ipcMain handler (with its sender check) → the backend, and hears
 * main's events through webContents.send. */
export const electronShell: ShellKind = {
  transport: 'the Electron shell (IPC, stand-in electron)',
  async start() {
    const userData = mkdtempSync(join(tmpdir(), 'parley-electron-shell-'));
    const fake = createFakeElectron({ userData, version });
    await loadMainProcess(fake);
    await fake.launch();
    const win = fake.windows()[0];
    if (!win) throw new Error('main did not open a window');
    const server = await serveAppScheme(fake);
    return {
      async open(browser) {
        const page = await browser.newPage();
        await attachPage(fake, win, page, server);
        return page;
      },
      ipcInvocations: () => fake.ipcMain.invocations,
      async stop() {
        await fake.userQuits();
        await server.close();
        // main closes its backend on will-quit without waiting (as in Electron): let an aborted stream's last
        // journal line land before its folder goes.
        await new Promise((done) => setTimeout(done, 250));
        rmSync(userData, { recursive: true, force: true });
      },
    };
  },
};
