import { createDispatcher, type RouteHandlers } from '../ipc/dispatcher';
import { createEventHub } from '../ipc/event-hub';
import { createKeyVault } from '../vault/key-vault';
import type { SecretCipher } from '../vault/cipher';
import { createSettingsStore } from './settings-store';
import { isAllowedExternalUrl } from './external-links';
import { createStreamManager } from './chat/stream-manager';
import type { ChatEngine } from './chat/chat-engine';
import type { ModelList } from '../../shared/contract/models';
import { createEngineRuntime, type EngineRuntimeOptions } from './engine-runtime';
import { createLocalApiControl } from './local-api-control';
import { listUpstreamModels } from '../engine';
import type { GenerationRecord } from '../../shared/openrouter/generation';
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
  /** Provider adapters; with them the backend runs the real routing engine over the vault's and env's keys. */
  adapterFor?: EngineRuntimeOptions['adapterFor'];
  env?: Readonly<Record<string, string | undefined>>;
  fetch?: typeof fetch;
  detectLocalServers?: boolean;
  pricing?: EngineRuntimeOptions['pricing'];
  priceUsage?: EngineRuntimeOptions['priceUsage'];
  /** The model catalog as the picker shows it; absent until the catalog is wired. */
  listModels?: () => Promise<ModelList> | ModelList;
}

/** Everything main does, independent of Electron: the same backend serves the Electron window and the loopback
 * host. */
export function createBackend(opts: BackendOptions) {
  const hub = createEventHub();
  const vault = createKeyVault(opts.dataDir, opts.cipher);
  const settings = createSettingsStore(opts.dataDir);
  const env = opts.env ?? process.env;
  const runtime = opts.adapterFor
    ? createEngineRuntime({
        vault,
        env,
        adapterFor: opts.adapterFor,
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
        ...(opts.pricing ? { pricing: opts.pricing } : {}),
        ...(opts.priceUsage ? { priceUsage: opts.priceUsage } : {}),
        detect: opts.detectLocalServers === false ? false : {},
        onGeneration: (record: GenerationRecord) => hub.emit('generation.recorded', { record }),
      })
    : null;
  const engine: ChatEngine | undefined = opts.engine ?? runtime?.engine;
  const localApi = runtime ? createLocalApiControl({ dataDir: opts.dataDir, env, engine: runtime.engine }) : null;
  const allKeys = () => [...vault.list(), ...(runtime?.externalSummaries() ?? [])];
  const keysChanged = () => {
    runtime?.invalidate();
    hub.emit('keys.changed', allKeys());
  };
  if (runtime && opts.detectLocalServers !== false) void runtime.detectLocal().then((found) => found.length && hub.emit('keys.changed', allKeys()));
  if (localApi && settings.get().localApiEnabled) void localApi.set(true, settings.get().localApiPort);
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
      engine: { upstreams: runtime?.upstreams().length ?? 0 },
      keyProtection: opts.cipher.protection,
    }),
    'settings.get': () => settings.get(),
    'settings.update': async (patch) => {
      const next = settings.update(patch);
      if (localApi && ('localApiEnabled' in patch || 'localApiPort' in patch)) await localApi.set(next.localApiEnabled, next.localApiPort);
      hub.emit('settings.changed', next);
      return next;
    },
    'keys.list': () => allKeys(),
    'keys.set': (input) => {
      const saved = vault.set(input);
      keysChanged();
      return saved;
    },
    'keys.remove': ({ id }) => {
      const removed = vault.remove(id);
      if (removed) keysChanged();
      return { removed };
    },
    'keys.test': async ({ id }) => {
      const upstream = runtime?.upstreams().find((u) => u.id === id);
      if (!upstream) throw new BridgeError({ code: 'not-found', message: 'No such provider is configured' });
      return listUpstreamModels(upstream, opts.fetch ? { fetch: opts.fetch } : {});
    },
    'api.status': () => localApi?.status() ?? { running: false, url: null, token: null, error: 'The routing engine is not available' },
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

  return {
    dispatch,
    hub,
    vault,
    settings,
    streams,
    runtime,
    localApi,
    close: async () => {
      streams?.close();
      await localApi?.close();
    },
  };
}

export type Backend = ReturnType<typeof createBackend>;
