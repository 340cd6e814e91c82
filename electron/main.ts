import { app, BrowserWindow, dialog, ipcMain, protocol, shell, session, type IpcMainInvokeEvent } from 'electron';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, type Backend } from './backend/create-backend';
import { windowOptions, APP_SCHEME, APP_ORIGIN } from './shell/window-options';
import { hardenWebContents, isAppUrl } from './shell/harden';
import { serveAppRequest } from './shell/app-protocol';
import { confirmUnload } from './shell/unload-guard';
import { createSafeStorageCipher } from './vault/safe-storage-cipher';
import { createLocalCipher } from './vault/local-cipher';
import { IPC_INVOKE, IPC_EVENT } from './ipc/channels';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'preload.cjs');

if (process.env.PARLEY_HOME) app.setPath('userData', process.env.PARLEY_HOME);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  let backend: Backend;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, (url) => void shell.openExternal(url)));

  const trusted = (event: IpcMainInvokeEvent) => !!event.senderFrame && isAppUrl(event.senderFrame.url);

  function createWindow() {
    mainWindow = new BrowserWindow(windowOptions(preloadPath));
    const win = mainWindow;
    const detach = backend.hub.attach((event, payload) => {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event, payload);
    });
    win.on('closed', () => {
      detach();
      mainWindow = null;
    });
    win.once('ready-to-show', () => win.show());
    win.webContents.on('will-prevent-unload', (event) => {
      if (confirmUnload((options) => dialog.showMessageBoxSync(win, options))) event.preventDefault();
    });
    void win.loadURL(`${APP_ORIGIN}/index.html`);
  }

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    const cipher = createSafeStorageCipher() ?? createLocalCipher(dataDir);
    backend = createBackend({
      dataDir,
      transport: 'electron',
      version: app.getVersion(),
      cipher,
      openExternal: (url) => shell.openExternal(url),
      catalogAutoRefresh: true,
    });
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url));
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
      callback(permission === 'clipboard-sanitized-write'),
    );
    ipcMain.handle(IPC_INVOKE, (event, route: unknown, input: unknown) => {
      if (!trusted(event)) return { ok: false, error: { code: 'unauthorized', message: 'Untrusted sender' } };
      return backend.dispatch(route, input);
    });
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  // Not before-quit: a quit the user cancels at the unsaved-changes question must leave the backend running.
  app.on('will-quit', () => void backend?.close());

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
