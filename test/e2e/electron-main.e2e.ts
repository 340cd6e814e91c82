import { describe, it, expect, beforeEach, afterEach, afterAll, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createFakeElectron, type FakeElectron, type FakeElectronOptions } from './support/electron-stand-in/fake-electron';
import { loadMainProcess, BUILT_PRELOAD, BUILT_RENDERER } from './support/electron-stand-in/load-main';
import { attachPage, serveAppScheme } from './support/electron-stand-in/renderer-page';
import type { FakeBrowserWindow } from './support/electron-stand-in/fake-browser-window';
import { launchChromium } from './support/browser';
import { windowOptions } from '../../electron/shell/window-options';
import { contentSecurityPolicy } from '../../electron/shell/csp';

// The built Electron main process (dist/main/main.js, what `npm start` runs in Electron) against the stand-in
// `electron` module: what main registers, and how it answers the OS, the page and the user.

const APP_PAGE = 'app://parley/index.html';
const realPlatform = process.platform;
const dirs: string[] = [];
let fake: FakeElectron | null = null;
let browser: Browser | null = null;

function setPlatform(platform: NodeJS.Platform) {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

async function launch(opts: Partial<FakeElectronOptions> & { platform?: NodeJS.Platform } = {}) {
  setPlatform(opts.platform ?? 'linux');
  const userData = mkdtempSync(join(tmpdir(), 'parley-main-'));
  dirs.push(userData);
  fake = createFakeElectron({ userData, version: '7.8.9', ...opts });
  await loadMainProcess(fake);
  await fake.launch();
  const f = fake;
  const win = f.windows()[0];
  return {
    fake: f,
    win: win!,
    userData,
    /** ipcRenderer.invoke('parley:invoke', route, input) from a frame at frameUrl of the first window. */
    invoke: (route: string, input: unknown = {}, frameUrl: string | null = APP_PAGE, on: FakeBrowserWindow = win!) =>
      f.ipcMain.invokeFrom(on.webContents, frameUrl, 'parley:invoke', route, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>,
  };
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      done(true);
    });
    socket.on('error', () => done(false));
  });
}

beforeEach(() => {
  vi.stubEnv('PARLEY_HOME', undefined);
});
afterEach(async () => {
  if (fake && !fake.app.hasQuit) {
    fake.dialogAnswers.push(0, 0, 0);
    await fake.userQuits();
  }
  fake = null;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  setPlatform(realPlatform);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((done) => setTimeout(done, 100)); // backends close on will-quit without being awaited
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('Electron main process (built, against the stand-in electron)', () => {
  it('declares app:// privileged before ready, and a second instance focuses the first instead of starting', async () => {
    setPlatform('linux');
    const first = createFakeElectron({ userData: mkdtempSync(join(tmpdir(), 'parley-main-')), version: '1.0.0' });
    dirs.push(first.app.getPath('userData'));
    await loadMainProcess(first);
    expect(first.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(first.protocol.isProtocolHandled('app')).toBe(false); // handlers only once ready
    await first.launch();
    const [win] = first.windows();
    win!.minimize();
    first.app.emit('second-instance', {}, ['parley'], '/');
    expect(win!.isMinimized()).toBe(false);
    expect(win!.focusCount).toBe(1);
    fake = first;

    const second = createFakeElectron({ userData: mkdtempSync(join(tmpdir(), 'parley-main-')), version: '1.0.0', singleInstanceLock: false });
    dirs.push(second.app.getPath('userData'));
    await loadMainProcess(second);
    await second.launch();
    expect(second.app.quitCalls).toBe(1);
    expect(second.app.hasQuit).toBe(true);
    expect(second.windows()).toEqual([]);
    expect(second.ipcMain.channels()).toEqual([]);
    expect(second.protocol.isProtocolHandled('app')).toBe(false);
  });

  it('opens one hardened window on app://parley, hidden until its page is ready', async () => {
    const { fake, win } = await launch();
    expect(fake.windows()).toHaveLength(1);
    expect(win.options).toEqual(windowOptions(BUILT_PRELOAD));
    expect(win.options.show).toBe(false);
    expect(existsSync(win.options.webPreferences!.preload!)).toBe(true);
    expect(win.webContents.getURL()).toBe(APP_PAGE);
    expect(win.isVisible()).toBe(true); // shown on ready-to-show
    expect(fake.ipcMain.channels()).toEqual(['parley:invoke']);
  });

  it('serves the built renderer under app://parley with the CSP, and nothing outside it', async () => {
    const { fake, win } = await launch();
    expect(win.webContents.lastResponse!.status).toBe(200);
    expect(win.webContents.lastResponse!.body).toBe(readFileSync(join(BUILT_RENDERER, 'index.html'), 'utf8'));
    const index = await fake.protocol.request(APP_PAGE);
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toBe(contentSecurityPolicy());
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');

    const script = readdirSync(join(BUILT_RENDERER, 'assets')).find((f) => f.endsWith('.js'))!;
    const asset = await fake.protocol.request(`app://parley/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript');
    expect(await asset.text()).toBe(readFileSync(join(BUILT_RENDERER, 'assets', script), 'utf8'));
    // the renderer routes with the hash: an unknown page path gets the app shell, an unknown file does not
    expect(await (await fake.protocol.request('app://parley/settings')).text()).toContain('<div id="root">');
    expect((await fake.protocol.request('app://parley/assets/missing.js')).status).toBe(404);

    for (const outside of [
      'app://parley/../../package.json',
      'app://parley/..%2f..%2fpackage.json',
      'app://parley/%2e%2e%2fmain%2fmain.js',
      'app://parley/assets/..%2f..%2f..%2felectron-builder.yml',
      'app://parley/index.html%00.js',
      'app://other-host/index.html',
    ]) {
      const res = await fake.protocol.request(outside);
      expect(res.status, outside).toBe(404);
      expect(await res.text(), outside).toBe('Not found');
    }
  });

  it('answers IPC only from a frame on the app origin', async () => {
    const { fake, invoke } = await launch();
    await expect(invoke('app.info')).resolves.toMatchObject({ ok: true, value: { name: 'Parley', version: '7.8.9', transport: 'electron' } });
    for (const frame of [
      'https://evil.example/index.html',
      'http://127.0.0.1:41234/index.html',
      'file:///opt/Parley/resources/app.asar/dist/renderer/index.html',
      'app://parley.evil.example/index.html',
      'app://evil/index.html',
      'about:blank',
      'data:text/html,<script>1</script>',
      null,
    ]) {
      const answer = await invoke('keys.set', { kind: 'openrouter', label: 'Stolen', apiKey: 'sk-or-evil-0000' }, frame);
      expect(answer, String(frame)).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Untrusted sender' } });
    }
    await expect(invoke('keys.list')).resolves.toEqual({ ok: true, value: [] });
    await expect(invoke('no.such.route')).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } });
    await expect(invoke('keys.set', { kind: 'openrouter' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await expect(fake.ipcMain.invokeFrom(fake.windows()[0]!.webContents, APP_PAGE, 'parley:other')).rejects.toThrow(
      "No handler registered for 'parley:other'",
    );
  });

  it('sends main’s events to the window; on macOS a closed window leaves the app running and comes back on activate', async () => {
    const { fake, win, invoke } = await launch({ platform: 'darwin' });
    await invoke('settings.update', { theme: 'dark' });
    expect(win.webContents.sent).toContainEqual({ channel: 'parley:event', args: ['settings.changed', expect.objectContaining({ theme: 'dark' })] });

    await expect(fake.userClosesWindow(win)).resolves.toBe(true);
    expect(fake.app.hasQuit).toBe(false);
    fake.app.emit('activate', {}, false);
    await fake.windows()[0]!.webContents.whenLoaded();
    const [again] = fake.windows();
    expect(again).not.toBe(win);
    await invoke('settings.update', { theme: 'light' }, APP_PAGE, again);
    expect(again!.webContents.sent).toContainEqual({ channel: 'parley:event', args: ['settings.changed', expect.objectContaining({ theme: 'light' })] });
  });

  it('sends only web links to the OS browser, and keeps the window on the app', async () => {
    const { fake, win, invoke } = await launch();
    await expect(invoke('links.open', { url: 'https://openrouter.ai/docs' })).resolves.toEqual({ ok: true, value: { opened: true } });
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com/']) {
      await expect(invoke('links.open', { url })).resolves.toEqual({ ok: true, value: { opened: false } });
    }
    expect(win.webContents.requestWindowOpen('https://example.com/page')).toBe('deny');
    expect(win.webContents.requestWindowOpen('file:///etc/passwd')).toBe('deny');
    expect(fake.opened).toEqual(['https://openrouter.ai/docs', 'https://example.com/page']);

    expect(win.webContents.requestNavigation('https://evil.example/')).toBe(false);
    expect(win.webContents.requestNavigation('http://127.0.0.1:41234/', 'will-redirect')).toBe(false);
    expect(win.webContents.requestNavigation('app://parley/index.html#/settings')).toBe(true);
    expect(win.webContents.requestAttachWebview('https://evil.example/')).toBe(false);
  });

  it('refuses every permission a page asks for except writing sanitized text to the clipboard', async () => {
    const { fake, win } = await launch();
    const ask = (permission: string) => fake.session.defaultSession.requestPermission(win.webContents, permission);
    for (const permission of ['media', 'notifications', 'geolocation', 'midi', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock']) {
      await expect(ask(permission), permission).resolves.toBe(false);
    }
    await expect(ask('clipboard-sanitized-write')).resolves.toBe(true);
  });

  it('seals keys with safeStorage (the OS keychain) in the data directory', async () => {
    const { fake, invoke, userData } = await launch();
    await expect(invoke('app.info')).resolves.toMatchObject({ value: { keyProtection: 'os-keychain' } });
    await expect(invoke('keys.set', { kind: 'openrouter', label: 'Mine', apiKey: 'sk-or-v1-very-secret-5678' })).resolves.toMatchObject({
      ok: true,
      value: { label: 'Mine', hint: '••••5678' },
    });
    const onDisk = readFileSync(join(userData, 'keys.json'), 'utf8');
    expect(onDisk).not.toContain('very-secret');
    const [entry] = (JSON.parse(onDisk) as { entries: { sealed: string }[] }).entries;
    expect(fake.safeStorage.unseal(Buffer.from(entry!.sealed, 'base64'))).toBe('sk-or-v1-very-secret-5678');
    expect(fake.safeStorage.calls.encrypt).toBe(1);
    expect(existsSync(join(userData, 'vault.key'))).toBe(false);
    expect(JSON.stringify(await invoke('keys.list'))).not.toContain('very-secret');
  });

  it('says so when Linux has no keyring and Chromium falls back to basic_text', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { invoke } = await launch({ platform: 'linux', safeStorage: { linuxBackend: 'basic_text' } });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('No OS keyring was found'));
    await expect(invoke('app.info')).resolves.toMatchObject({ value: { keyProtection: 'basic' } });
  });

  it('falls back to a local key file when safeStorage is unavailable', async () => {
    const { fake, invoke, userData } = await launch({ safeStorage: { available: false } });
    await expect(invoke('app.info')).resolves.toMatchObject({ value: { keyProtection: 'local-file' } });
    await expect(invoke('keys.set', { kind: 'anthropic', label: 'Work', apiKey: 'sk-local-secret-4321' })).resolves.toMatchObject({ ok: true });
    expect(existsSync(join(userData, 'vault.key'))).toBe(true);
    expect(readFileSync(join(userData, 'keys.json'), 'utf8')).not.toContain('local-secret');
    expect(fake.safeStorage.calls.encrypt).toBe(0);
  });

  it('keeps its data in PARLEY_HOME when set', async () => {
    const home = mkdtempSync(join(tmpdir(), 'parley-home-'));
    dirs.push(home);
    vi.stubEnv('PARLEY_HOME', home);
    const { fake, invoke, userData } = await launch();
    expect(fake.app.setPathCalls).toEqual([['userData', home]]);
    await expect(invoke('keys.set', { kind: 'openrouter', label: 'Home', apiKey: 'sk-or-home-1111' })).resolves.toMatchObject({ ok: true });
    expect(existsSync(join(home, 'keys.json'))).toBe(true);
    expect(existsSync(join(userData, 'keys.json'))).toBe(false);
  });

  it('asks "Quit anyway?" when the page has unsaved work, and only quits if the user says so', async () => {
    const { fake, win, invoke } = await launch({ platform: 'linux' });
    const api = await invoke('settings.update', { localApiEnabled: true, localApiPort: 0 });
    expect(api.ok).toBe(true);
    const status = (await invoke('api.status')).value as { running: boolean; url: string };
    expect(status.running).toBe(true);
    const port = Number(new URL(status.url).port);
    win.webContents.beforeUnloadObjects = true;

    // Closing the window: the user keeps Parley open.
    fake.dialogAnswers.push(1);
    await expect(fake.userClosesWindow(win)).resolves.toBe(false);
    expect(fake.dialogsShown).toHaveLength(1);
    expect(fake.dialogsShown[0]!.window).toBe(win);
    expect(fake.dialogsShown[0]!.options).toMatchObject({ message: 'Quit anyway?', buttons: ['Quit anyway', 'Keep Parley open'], cancelId: 1 });
    expect(win.isDestroyed()).toBe(false);

    // Quitting from the menu: cancelled at the same question, and the backend is still serving.
    fake.dialogAnswers.push(1);
    await expect(fake.userQuits()).resolves.toBe('cancelled');
    expect(fake.dialogsShown).toHaveLength(2);
    await expect(invoke('api.status')).resolves.toMatchObject({ value: { running: true } });
    await expect(portAccepts(port)).resolves.toBe(true);

    // Closing again, the user confirms: the window closes, the app quits and main stops its servers.
    fake.dialogAnswers.push(0);
    await expect(fake.userClosesWindow(win)).resolves.toBe(true);
    expect(fake.app.hasQuit).toBe(true);
    await expect.poll(() => portAccepts(port)).toBe(false);
  });

  it('closes without asking when nothing is unsaved', async () => {
    const { fake, win } = await launch({ platform: 'win32' });
    await expect(fake.userClosesWindow(win)).resolves.toBe(true);
    expect(fake.dialogsShown).toEqual([]);
    expect(fake.app.hasQuit).toBe(true);
  });
});

describe('the Electron renderer in Chromium, against the built main process', () => {
  it('runs the app page under the CSP from main’s protocol handler, and main refuses the preload’s IPC from another origin', async () => {
    const { fake, win } = await launch();
    const server = await serveAppScheme(fake);
    browser ??= await launchChromium();
    try {
      const page = await browser.newPage();
      await attachPage(fake, win, page, server);
      await page.getByRole('heading', { name: /^(Talk to many models at once|Get a first answer)$/ }).waitFor(); // the first run when no key is set
      const info = await page.evaluate(() => (window as unknown as { parley: { invoke(r: string, i: unknown): Promise<unknown> } }).parley.invoke('app.info', {}));
      expect(info).toMatchObject({ ok: true, value: { transport: 'electron' } });
      // Chromium enforces the header main's handler sent: an injected inline script does not run.
      const blocked = await page.evaluate(
        () =>
          new Promise<boolean>((done) => {
            document.addEventListener('securitypolicyviolation', () => done(!(window as { injected?: boolean }).injected), { once: true });
            const s = document.createElement('script');
            s.textContent = 'window.injected = true';
            document.body.append(s);
          }),
      );
      expect(blocked).toBe(true);

      // The same preload on a page main did not load (another origin): main refuses its calls.
      const stranger = await browser.newPage();
      await attachPage(fake, win, stranger, server);
      await stranger.goto(server.origin.replace('127.0.0.1', 'localhost') + '/index.html');
      const refused = await stranger.evaluate(() =>
        (window as unknown as { parley: { invoke(r: string, i: unknown): Promise<unknown> } }).parley.invoke('keys.list', {}),
      );
      expect(refused).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Untrusted sender' } });
    } finally {
      await server.close();
    }
  });
});
