import { createDispatcher, type RouteHandlers } from '../ipc/dispatcher';
import { createEventHub } from '../ipc/event-hub';
import { createKeyVault } from '../vault/key-vault';
import type { SecretCipher } from '../vault/cipher';
import { createSettingsStore } from './settings-store';
import { isAllowedExternalUrl } from './external-links';

export interface BackendOptions {
  dataDir: string;
  transport: 'electron' | 'host';
  version: string;
  cipher: SecretCipher;
  /** Opens a URL in the OS browser. Host mode has none: the page opens links itself. */
  openExternal?: (url: string) => Promise<void>;
}

/** Everything main does, independent of Electron: the same backend serves the Electron window and the loopback
 * host. */
export function createBackend(opts: BackendOptions) {
  const hub = createEventHub();
  const vault = createKeyVault(opts.dataDir, opts.cipher);
  const settings = createSettingsStore(opts.dataDir);

  const handlers: RouteHandlers = {
    'app.info': () => ({
      name: 'Parley' as const,
      version: opts.version,
      transport: opts.transport,
      platform: process.platform,
      engine: { upstreams: vault.list().length },
    }),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => {
      const next = settings.update(patch);
      hub.emit('settings.changed', next);
      return next;
    },
    'keys.list': () => vault.list(),
    'keys.set': (input) => {
      const saved = vault.set(input);
      hub.emit('keys.changed', vault.list());
      return saved;
    },
    'keys.remove': ({ id }) => {
      const removed = vault.remove(id);
      if (removed) hub.emit('keys.changed', vault.list());
      return { removed };
    },
    'links.open': async ({ url }) => {
      if (!opts.openExternal || !isAllowedExternalUrl(url)) return { opened: false };
      await opts.openExternal(url);
      return { opened: true };
    },
  };

  const dispatch = createDispatcher(handlers, (route, err) => {
    console.error(`route ${route} failed: ${(err as Error)?.name ?? 'Error'}`);
  });

  return { dispatch, hub, vault, settings, close: async () => {} };
}

export type Backend = ReturnType<typeof createBackend>;
