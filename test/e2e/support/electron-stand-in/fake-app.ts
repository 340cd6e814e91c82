import { EventEmitter } from 'node:events';
import { preventableEvent } from './preventable-event';

export interface FakeAppOptions {
  /** app.getPath('userData') before anyone calls setPath. */
  userData: string;
  /** app.getVersion(): Electron reads it from the app's package.json. */
  version: string;
  /** false: another instance already holds the lock. */
  singleInstanceLock?: boolean;
}

export type QuitOutcome = 'quit' | 'cancelled';

/** Electron's `app`: an EventEmitter with the lifecycle main relies on. The order of quitting is Electron's:
 * before-quit, then every window is asked to close (a window may refuse), then will-quit, then quit; and
 * window-all-closed is emitted only when the windows close on their own, not during a quit. */
export class FakeApp extends EventEmitter {
  private ready = false;
  private resolveReady!: () => void;
  private readonly readyPromise = new Promise<void>((done) => (this.resolveReady = done));
  private readonly paths = new Map<string, string>();
  private quitting: Promise<QuitOutcome> | null = null;
  private closingForQuit = false;
  readonly setPathCalls: [string, string][] = [];
  quitCalls = 0;
  hasQuit = false;

  constructor(
    private readonly opts: FakeAppOptions,
    /** Asks every window to close; false when one refused. Wired by the assembly (windows live elsewhere). */
    private readonly closeAllWindows: () => Promise<boolean>,
  ) {
    super();
    this.paths.set('userData', opts.userData);
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  requestSingleInstanceLock(): boolean {
    return this.opts.singleInstanceLock ?? true;
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.setPathCalls.push([name, path]);
    this.paths.set(name, path);
  }
  getVersion(): string {
    return this.opts.version;
  }
  getName(): string {
    return 'Parley';
  }
  quit(): void {
    this.quitCalls++;
    void this.runQuit();
  }

  /** The OS has started the app: 'ready', then whenReady() resolves. */
  emitReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.emit('ready', preventableEvent(), {});
    this.resolveReady();
  }

  /** What app.quit() (or Cmd+Q) sets going; resolves with how it ended. */
  runQuit(): Promise<QuitOutcome> {
    this.quitting ??= this.quitSequence().finally(() => (this.quitting = null));
    return this.quitting;
  }

  /** The quit under way, if any (a window closing on its own may have started one through main). */
  pendingQuit(): Promise<QuitOutcome> | null {
    return this.quitting;
  }

  private async quitSequence(): Promise<QuitOutcome> {
    if (this.hasQuit) return 'quit';
    const before = preventableEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return 'cancelled';
    this.closingForQuit = true;
    const closed = await this.closeAllWindows().finally(() => (this.closingForQuit = false));
    if (!closed) return 'cancelled';
    const will = preventableEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return 'cancelled';
    this.hasQuit = true;
    this.emit('quit', preventableEvent(), 0);
    return 'quit';
  }

  /** Called by a window that closed on its own (not during a quit) when it was the last one. */
  lastWindowClosed(): void {
    if (this.closingForQuit || this.hasQuit) return;
    // Electron's default, when nobody listens, is to quit.
    if (this.listenerCount('window-all-closed') === 0) this.quit();
    else this.emit('window-all-closed');
  }
}
