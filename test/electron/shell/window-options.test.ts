import { describe, it, expect, vi } from 'vitest';
import { windowOptions, APP_ORIGIN } from '../../../electron/shell/window-options';
import { hardenWebContents, type HardenableContents } from '../../../electron/shell/harden';
import { contentSecurityPolicy } from '../../../electron/shell/csp';
import { isAllowedExternalUrl } from '../../../electron/backend/external-links';

describe('Electron window hardening', () => {
  it('isolates and sandboxes the renderer and leaves webSecurity untouched', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs).not.toHaveProperty('webSecurity');
    expect(prefs).not.toHaveProperty('allowRunningInsecureContent');
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('uses a fixed app origin (IndexedDB is bound to it)', () => {
    expect(APP_ORIGIN).toBe('app://parley');
  });

  function fakeContents() {
    const handlers: Record<string, (e: { preventDefault(): void }, url?: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents: HardenableContents = {
      on: ((event: string, l: (e: { preventDefault(): void }, url?: string) => void) => {
        handlers[event] = l;
      }) as HardenableContents['on'],
      setWindowOpenHandler: (h) => (openHandler = h),
    };
    return { contents, handlers, open: (url: string) => openHandler!({ url }) };
  }

  it('denies navigation away from the app and webviews', () => {
    const { contents, handlers } = fakeContents();
    hardenWebContents(contents, vi.fn());
    for (const [event, url, blocked] of [
      ['will-navigate', 'https://evil.example/', true],
      ['will-navigate', 'file:///etc/passwd', true],
      ['will-redirect', 'http://127.0.0.1:1234/', true],
      ['will-navigate', `${APP_ORIGIN}/index.html`, false],
    ] as const) {
      const e = { preventDefault: vi.fn() };
      handlers[event]!(e, url);
      expect(e.preventDefault.mock.calls.length, `${event} ${url}`).toBe(blocked ? 1 : 0);
    }
    const e = { preventDefault: vi.fn() };
    handlers['will-attach-webview']!(e);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open and sends only web links to the OS browser', () => {
    const openExternal = vi.fn();
    const { contents, open } = fakeContents();
    hardenWebContents(contents, openExternal);
    expect(open('https://openrouter.ai/docs')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('smb://host/share')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://openrouter.ai/docs']]);
  });

  it('allows only http(s) links without credentials out of the app', () => {
    expect(isAllowedExternalUrl('https://example.com/a?b=c')).toBe(true);
    expect(isAllowedExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isAllowedExternalUrl('vbscript:msgbox')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('has a strict Content-Security-Policy', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
  });
});
