import { APP_ORIGIN } from './window-options';
import { isAllowedExternalUrl } from '../backend/external-links';

// Structural slices of Electron's WebContents, so the rules are unit-testable without Electron.
interface NavigationEvent {
  preventDefault(): void;
}
export interface HardenableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: NavigationEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: NavigationEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function isAppUrl(url: string): boolean {
  try {
    // URL.origin is "null" for custom schemes outside Chromium, so compare the parts.
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** No navigation away from the app, no new windows, no webviews. Web links go to the OS browser. */
export function hardenWebContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  const guard = (e: NavigationEvent, url: string) => {
    if (!isAppUrl(url)) e.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
