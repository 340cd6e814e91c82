import type { SecretCipher } from '../../vault/cipher';
import type { EngineRuntime } from '../engine-runtime';
import type { EventHub } from '../../ipc/event-hub';
import type { createLocalApiControl } from '../local-api-control';
import type { createSettingsStore } from '../settings-store';
import { isAllowedExternalUrl } from '../external-links';
import { saving } from '../saving';
import type { RouteGroup } from './route-group';

export interface AppRouteDeps {
  version: string;
  transport: 'electron' | 'host';
  cipher: SecretCipher;
  openExternal?: (url: string) => Promise<void>;
  runtime: EngineRuntime;
  settings: ReturnType<typeof createSettingsStore>;
  localApi: ReturnType<typeof createLocalApiControl>;
  hub: EventHub;
}

/** What the app is, its settings, and links opened in the OS browser. */
export function appRouteHandlers(d: AppRouteDeps): RouteGroup<'app' | 'settings' | 'links'> {
  return {
    'app.info': () => ({
      name: 'Parley' as const,
      version: d.version,
      transport: d.transport,
      platform: process.platform,
      engine: { upstreams: d.runtime.upstreams().length },
      keyProtection: d.cipher.protection,
    }),
    'settings.get': () => d.settings.get(),
    'settings.update': async (patch) => {
      const next = saving('the settings', () => d.settings.update(patch));
      if ('localApiEnabled' in patch || 'localApiPort' in patch) await d.localApi.set(next.localApiEnabled, next.localApiPort);
      d.hub.emit('settings.changed', next);
      return next;
    },
    'links.open': async ({ url }) => {
      if (!d.openExternal || !isAllowedExternalUrl(url)) return { opened: false };
      await d.openExternal(url);
      return { opened: true };
    },
  };
}
