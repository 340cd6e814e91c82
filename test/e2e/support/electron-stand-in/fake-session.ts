import type { FakeApp } from './fake-app';
import type { FakeWebContents } from './fake-browser-window';

type RequestHandler = (
  webContents: FakeWebContents,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;

/** Electron's Session, for permissions. Like Electron, it grants every request when no handler is set. */
export class FakeSession {
  private requestHandler: RequestHandler | null = null;

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.requestHandler = handler;
  }

  /** A page asks for a permission (camera, notifications, clipboard…); resolves with Electron's answer. */
  requestPermission(webContents: FakeWebContents, permission: string): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((done) => handler(webContents, permission, done, { requestingUrl: webContents.getURL(), isMainFrame: true }));
  }
}

/** Electron's `session` module: defaultSession exists only once the app is ready. */
export function createSessionModule(app: FakeApp) {
  const defaultSession = new FakeSession();
  return {
    get defaultSession(): FakeSession {
      if (!app.isReady()) throw new Error('Session can only be received when app is ready');
      return defaultSession;
    },
  };
}
