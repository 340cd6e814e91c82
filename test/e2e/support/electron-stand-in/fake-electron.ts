import type { MessageBoxSyncOptions } from 'electron';
import { FakeApp, type FakeAppOptions, type QuitOutcome } from './fake-app';
import { FakeProtocol } from './fake-protocol';
import { FakeIpcMain } from './fake-ipc-main';
import { createBrowserWindowClass, type FakeBrowserWindow } from './fake-browser-window';
import { createSessionModule } from './fake-session';
import { createSafeStorage, type FakeSafeStorageOptions } from './fake-safe-storage';

export interface FakeElectronOptions extends FakeAppOptions {
  safeStorage?: FakeSafeStorageOptions;
  /** What the user clicks in each message box main shows, in order (a button index). */
  dialogAnswers?: number[];
}

/** A stand-in for the `electron` module, faithful to the parts Parley's main process uses, with the controls a
 * test needs to play the OS and the user: launch, close a window, quit, answer a dialog. */
export function createFakeElectron(opts: FakeElectronOptions) {
  const app: FakeApp = new FakeApp(opts, () => windows.closeAll());
  const protocol = new FakeProtocol(app);
  const windows = createBrowserWindowClass(app, protocol);
  const ipcMain = new FakeIpcMain();
  const session = createSessionModule(app);
  const storage = createSafeStorage(app, opts.safeStorage);
  const opened: string[] = [];
  const dialogAnswers = [...(opts.dialogAnswers ?? [])];
  const dialogsShown: { window: FakeBrowserWindow | null; options: MessageBoxSyncOptions }[] = [];

  const shell = {
    async openExternal(url: string): Promise<void> {
      opened.push(url);
    },
  };
  const dialog = {
    showMessageBoxSync(windowOrOptions: FakeBrowserWindow | MessageBoxSyncOptions, maybeOptions?: MessageBoxSyncOptions): number {
      const [window, options] = maybeOptions
        ? [windowOrOptions as FakeBrowserWindow, maybeOptions]
        : [null, windowOrOptions as MessageBoxSyncOptions];
      dialogsShown.push({ window, options });
      const answer = dialogAnswers.shift();
      if (answer === undefined) throw new Error(`the test did not say what the user answers to "${options.message}"`);
      return answer;
    },
  };

  const module = {
    app,
    BrowserWindow: windows.BrowserWindow,
    ipcMain,
    protocol,
    session,
    safeStorage: storage.safeStorage,
    shell,
    dialog,
  };

  return {
    /** What `import … from 'electron'` gives main. */
    module: { ...module, default: module },
    app,
    protocol,
    ipcMain,
    session,
    safeStorage: storage,
    windows: windows.open,
    /** URLs main handed to the OS browser. */
    opened,
    dialogAnswers,
    dialogsShown,

    /** The OS starts the app: ready fires, main's ready handler runs and its first window finishes loading. */
    async launch(): Promise<void> {
      app.emitReady();
      await app.whenReady();
      await settle();
      await Promise.all(windows.open().map((w) => w.webContents.whenLoaded()));
    },
    /** The user clicks a window's close button; resolves when the window (and, if main quits, the app) is done. */
    async userClosesWindow(win: FakeBrowserWindow): Promise<boolean> {
      const closed = await win.requestClose();
      await app.pendingQuit();
      return closed;
    },
    /** The user quits (Cmd+Q / the menu). */
    userQuits(): Promise<QuitOutcome> {
      return app.runQuit();
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Lets main's promise chains (ready → window → load) run to their end. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((done) => setImmediate(done));
}
