import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { preventableEvent, type PreventableEvent } from './preventable-event';
import type { FakeApp } from './fake-app';
import type { FakeProtocol } from './fake-protocol';

/** A page standing in for the renderer process (see renderer-page.ts). Without one, loads are made headlessly
 * through the protocol handler and events sent to the window are only recorded. */
export interface RendererAttachment {
  navigate(url: string): Promise<void>;
  deliver(channel: string, args: unknown[]): void;
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
  action: 'allow' | 'deny';
};

/** Electron's WebContents: navigation and unload events main can refuse, the window-open handler, loading, and
 * `send` (structured-cloned, like Electron's IPC). */
export class FakeWebContents extends EventEmitter {
  private url = '';
  private destroyed = false;
  private windowOpenHandler: WindowOpenHandler | null = null;
  private renderer: RendererAttachment | null = null;
  private loading: Promise<void> = Promise.resolve();
  readonly sent: { channel: string; args: unknown[] }[] = [];
  /** The response the last headless load got from the protocol handler. */
  lastResponse: { url: string; status: number; headers: Headers; body: string } | null = null;
  /** The page's beforeunload answer: true when a handler objects to unloading (work not saved yet). */
  beforeUnloadObjects = false;

  constructor(
    readonly id: number,
    private readonly protocol: FakeProtocol,
  ) {
    super();
  }

  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  loadURL(url: string): Promise<void> {
    this.assertAlive();
    this.loading = (async () => {
      if (this.renderer) {
        await this.renderer.navigate(url);
      } else {
        const res = await this.protocol.request(url);
        this.lastResponse = { url, status: res.status, headers: res.headers, body: await res.text() };
      }
      this.url = url;
      this.emit('did-finish-load', preventableEvent());
    })();
    return this.loading;
  }

  /** Resolves when the last load has finished (or failed). */
  async whenLoaded(): Promise<void> {
    await this.loading.catch(() => undefined);
  }

  send(channel: string, ...args: unknown[]): void {
    this.assertAlive();
    const cloned = structuredClone(args); // Electron refuses functions, promises and the like the same way
    this.sent.push({ channel, args: cloned });
    this.renderer?.deliver(channel, cloned);
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** The page calls window.open(url) or a link with target=_blank is followed. Electron allows it without a handler. */
  requestWindowOpen(url: string): 'allow' | 'deny' {
    const answer = this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'foreground-tab' });
    return answer?.action ?? 'allow';
  }

  /** The page starts navigating to `url`; true when the navigation goes ahead. */
  requestNavigation(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const e = preventableEvent({ url, isMainFrame: true });
    this.emit(event, e, url, false, true);
    return !e.defaultPrevented;
  }

  /** The page contains a <webview>; true when it would be attached. */
  requestAttachWebview(src: string): boolean {
    const e = preventableEvent();
    this.emit('will-attach-webview', e, {}, { src });
    return !e.defaultPrevented;
  }

  /** The page is asked to unload (its window closes): true when it may. A beforeunload objection cancels the unload
   * unless a 'will-prevent-unload' listener calls preventDefault(). */
  requestUnload(): boolean {
    if (!this.beforeUnloadObjects) return true;
    const e: PreventableEvent = preventableEvent();
    this.emit('will-prevent-unload', e);
    return e.defaultPrevented;
  }

  attachRenderer(renderer: RendererAttachment): void {
    this.renderer = renderer;
  }

  destroy(): void {
    this.destroyed = true;
    this.renderer = null;
    this.emit('destroyed');
  }

  private assertAlive() {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }
}

export interface FakeBrowserWindow extends EventEmitter {
  readonly id: number;
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: FakeWebContents;
  loadURL(url: string): Promise<void>;
  show(): void;
  isVisible(): boolean;
  focus(): void;
  focusCount: number;
  minimize(): void;
  isMinimized(): boolean;
  restore(): void;
  close(): void;
  /** What close() sets going; resolves with whether the window closed. */
  requestClose(): Promise<boolean>;
  isDestroyed(): boolean;
  destroy(): void;
}

/** Electron's BrowserWindow class, bound to one fake app: it cannot exist before ready, announces its
 * webContents through app's 'web-contents-created', emits ready-to-show after the first load, and closes the way
 * Electron does ('close', then the page's beforeunload, then 'closed'). */
export function createBrowserWindowClass(app: FakeApp, protocol: FakeProtocol) {
  const open = new Set<FakeBrowserWindow>();
  let nextId = 1;

  class BrowserWindow extends EventEmitter implements FakeBrowserWindow {
    static getAllWindows(): FakeBrowserWindow[] {
      return [...open];
    }
    static getFocusedWindow(): FakeBrowserWindow | null {
      return [...open].at(-1) ?? null;
    }

    readonly id = nextId++;
    readonly options: BrowserWindowConstructorOptions;
    readonly webContents: FakeWebContents;
    focusCount = 0;
    private visible: boolean;
    private minimized = false;
    private destroyed = false;

    constructor(options: BrowserWindowConstructorOptions = {}) {
      super();
      if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
      this.options = structuredClone(options);
      this.visible = options.show !== false;
      this.webContents = new FakeWebContents(this.id, protocol);
      this.webContents.once('did-finish-load', () => this.emit('ready-to-show'));
      open.add(this);
      app.emit('web-contents-created', preventableEvent(), this.webContents);
    }

    loadURL(url: string) {
      return this.webContents.loadURL(url);
    }
    show() {
      this.visible = true;
      this.emit('show');
    }
    isVisible() {
      return this.visible && !this.minimized;
    }
    focus() {
      this.focusCount++;
      this.emit('focus');
    }
    minimize() {
      this.minimized = true;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      void this.requestClose();
    }
    async requestClose(): Promise<boolean> {
      if (this.destroyed) return true;
      const e = preventableEvent();
      this.emit('close', e);
      if (e.defaultPrevented) return false;
      await Promise.resolve(); // the page's beforeunload runs in the renderer process
      if (!this.webContents.requestUnload()) return false;
      this.destroy();
      return true;
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      open.delete(this);
      this.webContents.destroy();
      this.emit('closed');
      if (open.size === 0) app.lastWindowClosed();
    }
  }

  return {
    BrowserWindow,
    open: () => [...open],
    /** Asks every window to close, as a quit does; false when one refused. */
    async closeAll(): Promise<boolean> {
      for (const win of [...open]) if (!(await win.requestClose())) return false;
      return true;
    },
  };
}
