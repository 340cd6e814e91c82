import { createDispatcher, type RouteHandlers } from '../ipc/dispatcher';
import { createEventHub } from '../ipc/event-hub';
import { createKeyVault } from '../vault/key-vault';
import type { SecretCipher } from '../vault/cipher';
import { createSettingsStore } from './settings-store';
import { isAllowedExternalUrl } from './external-links';
import { createStreamManager } from './chat/stream-manager';
import type { ChatEngine } from './chat/chat-engine';
import type { ModelList } from '../../shared/contract/models';
import { BridgeError } from '../../shared/contract/bridge';

export interface BackendOptions {
  dataDir: string;
  transport: 'electron' | 'host';
  version: string;
  cipher: SecretCipher;
  /** Opens a URL in the OS browser. Host mode has none: the page opens links itself. */
  openExternal?: (url: string) => Promise<void>;
  /** The routing engine; tests inject a fake one. */
  engine?: ChatEngine;
  /** The model catalog as the picker shows it; absent until the catalog is wired. */
  listModels?: () => Promise<ModelList> | ModelList;
}

/** Everything main does, independent of Electron: the same backend serves the Electron window and the loopback
 * host. */
export function createBackend(opts: BackendOptions) {
  const hub = createEventHub();
  const vault = createKeyVault(opts.dataDir, opts.cipher);
  const settings = createSettingsStore(opts.dataDir);
  const engine = opts.engine;
  const streams = engine
    ? createStreamManager(engine, {
        delta: (d) => hub.emit('chat.delta', d),
        finished: (s) => hub.emit('chat.finished', s),
      })
    : null;
  const needStreams = () => {
    if (!streams) throw new BridgeError({ code: 'unavailable', message: 'The routing engine is not available' });
    return streams;
  };

  const handlers: RouteHandlers = {
    'app.info': () => ({
      name: 'Parley' as const,
      version: opts.version,
      transport: opts.transport,
      platform: process.platform,
      engine: { upstreams: vault.list().length },
      keyProtection: opts.cipher.protection,
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
    'chat.start': ({ streamId, meta, request }) => needStreams().start(streamId, meta, request),
    'chat.stop': ({ streamId }) => ({ stopped: needStreams().stop(streamId) }),
    'chat.active': () => streams?.active() ?? [],
    'chat.ack': ({ streamId }) => ({ released: needStreams().ack(streamId) }),
    'models.list': () => opts.listModels?.() ?? { models: [], source: 'none' as const, fetchedAt: null },
    'links.open': async ({ url }) => {
      if (!opts.openExternal || !isAllowedExternalUrl(url)) return { opened: false };
      await opts.openExternal(url);
      return { opened: true };
    },
  };

  const dispatch = createDispatcher(handlers, (route, err) => {
    console.error(`route ${route} failed: ${(err as Error)?.name ?? 'Error'}`);
  });

  return { dispatch, hub, vault, settings, streams, close: async () => streams?.close() };
}

export type Backend = ReturnType<typeof createBackend>;
