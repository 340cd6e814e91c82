import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { Page } from 'playwright-core';
import type { FakeElectron } from './fake-electron';
import type { FakeBrowserWindow } from './fake-browser-window';
import { BUILT_PRELOAD } from './load-main';

const APP_ORIGIN = 'app://parley';

/** Chromium cannot load a custom scheme without Electron, so the app origin is put on loopback: every request
 * to this server is answered by the handler main registered with protocol.handle for app://parley (headers, CSP
 * and all). It is the one translation the harness makes, and it is undone for the IPC sender check: a frame on
 * this server's origin is reported to main as app://parley, every other URL as itself. */
export interface AppSchemeServer {
  origin: string;
  toHttp(appUrl: string): string;
  toApp(pageUrl: string): string;
  close(): Promise<void>;
}

export async function serveAppScheme(fake: FakeElectron): Promise<AppSchemeServer> {
  const server: Server = createServer((req, res) => {
    fake.protocol
      .request(`${APP_ORIGIN}${req.url ?? '/'}`, { method: req.method ?? 'GET' })
      .then((answer) => {
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        if (!answer.body) return res.end();
        Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream).pipe(res);
      })
      .catch((err: Error) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(err.message);
      });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    toHttp: (appUrl) => (appUrl.startsWith(`${APP_ORIGIN}/`) ? origin + appUrl.slice(APP_ORIGIN.length) : appUrl),
    toApp: (pageUrl) => {
      try {
        const u = new URL(pageUrl);
        return u.origin === origin ? `${APP_ORIGIN}${u.pathname}${u.search}${u.hash}` : pageUrl;
      } catch {
        return pageUrl;
      }
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** What Electron gives a sandboxed preload: `contextBridge` and `ipcRenderer`, here over a Playwright binding to
 * the stand-in's ipcMain. Runs in the top frame only, as Electron runs preloads (nodeIntegrationInSubFrames off),
 * and then runs the built preload itself, unchanged. */
function preloadScript(): string {
  const preload = readFileSync(BUILT_PRELOAD, 'utf8');
  return `(() => {
  if (window.top !== window) return;
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, ...args) => window.__electronIpcInvoke(channel, args),
    on(channel, handler) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(handler);
      return ipcRenderer;
    },
    removeListener(channel, handler) {
      listeners.get(channel)?.delete(handler);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true });
    },
  };
  Object.defineProperty(window, '__electronIpcDeliver', {
    value: (channel, args) => {
      for (const handler of [...(listeners.get(channel) ?? [])]) handler({ sender: ipcRenderer }, ...args);
    },
  });
  const require = (id) => {
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('a sandboxed preload cannot require ' + id);
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preload}
  })(require, module, module.exports);
})();`;
}

/** Makes `page` the renderer of `win`: the page runs the real preload, its ipcRenderer.invoke reaches main's
 * ipcMain handler with the page's frame URL, what main sends to the window reaches the page in order, and the
 * page shows whatever main loads into the window. */
export async function attachPage(fake: FakeElectron, win: FakeBrowserWindow, page: Page, server: AppSchemeServer): Promise<void> {
  await page.exposeBinding('__electronIpcInvoke', (source, channel: string, args: unknown[]) =>
    fake.ipcMain.invokeFrom(win.webContents, server.toApp(source.frame.url()), channel, ...args),
  );
  await page.addInitScript({ content: preloadScript() });
  let delivering = Promise.resolve();
  win.webContents.attachRenderer({
    navigate: async (url) => {
      await page.goto(server.toHttp(url));
    },
    deliver: (channel, args) => {
      delivering = delivering.then(() =>
        page
          .evaluate(([c, a]) => (window as unknown as { __electronIpcDeliver?: (c: string, a: unknown[]) => void }).__electronIpcDeliver?.(c, a), [channel, args] as const)
          .catch(() => undefined), // the page is navigating or closed: Electron drops the message too
      );
    },
  });
  await win.loadURL(win.webContents.getURL());
}
