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
import { createCatalogService } from './catalog-service';
import { createAccountService } from './account-service';
import { createGenerationJournal } from './generation-journal';
import { writeBackup, listBackups, readBackup, BackupNameError } from '../backup';
import type { UpstreamConfig } from '../engine/types';
import type { EngineRuntime } from './engine-runtime';
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
  const journal = createGenerationJournal(opts.dataDir);
  // The catalog needs the upstream list and the engine needs the catalog's prices: the getter breaks the cycle.
  const catalog = opts.adapterFor
    ? createCatalogService({ dataDir: opts.dataDir, upstreams: (): UpstreamConfig[] => runtime?.upstreams() ?? [], ...(opts.fetch ? { fetch: opts.fetch } : {}) })
    : null;
  const runtime: EngineRuntime | null = opts.adapterFor
    ? createEngineRuntime({
        vault,
        env,
        adapterFor: opts.adapterFor,
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
        pricing: opts.pricing ?? catalog!.hooks.pricing,
        priceUsage: opts.priceUsage ?? catalog!.hooks.priceUsage,
        detect: opts.detectLocalServers === false ? false : {},
        onGeneration: (record: GenerationRecord) => {
          const upstream = runtime?.upstreams().find((u) => u.id === record.upstreamId);
          const snapshot = upstream && record.model ? catalog?.snapshotFor(record.model, upstream) : undefined;
          if (snapshot) record.pricingSnapshot = snapshot;
          journal.record(record);
          hub.emit('generation.recorded', { record });
          account?.onGeneration(record);
        },
      })
    : null;
  const account = runtime
    ? createAccountService({
        upstreams: () => runtime.upstreams(),
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
        onSummary: (s) => hub.emit('account.changed', s),
        onReconciled: (r) => {
          journal.reconciled(r);
          hub.emit('generation.reconciled', r);
        },
      })
    : null;
  const engine: ChatEngine | undefined = opts.engine ?? runtime?.engine;
  const localApi = runtime
    ? createLocalApiControl({ dataDir: opts.dataDir, env, engine: runtime.engine, models: () => catalog!.list().models.map(toOpenRouterModel) })
    : null;
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
    'models.list': () => opts.listModels?.() ?? catalog?.list() ?? { models: [], source: 'none' as const, fetchedAt: null },
    'models.refresh': async () => {
      if (!catalog) throw new BridgeError({ code: 'unavailable', message: 'The model catalog is not available' });
      return catalog.refresh();
    },
    'account.summary': () => account?.summary() ?? { configured: false, checkedAt: null, balance: null, error: null },
    'account.refresh': async () => account?.refresh() ?? { configured: false, checkedAt: null, balance: null, error: null },
    'generations.since': ({ afterSeq, limit }) => journal.since(afterSeq, limit),
    'backups.write': async ({ json }) => {
      try {
        return await writeBackup(opts.dataDir, json);
      } catch (err) {
        if (err instanceof TypeError) throw new BridgeError({ code: 'bad-request', message: err.message });
        const code = (err as NodeJS.ErrnoException).code;
        throw new BridgeError({ code: 'unavailable', message: code === 'ENOSPC' ? 'The disk is full: the backup was not written' : `The backup could not be written (${code ?? 'error'})` });
      }
    },
    'backups.list': () => listBackups(opts.dataDir),
    'backups.read': async ({ name }) => {
      try {
        return { json: await readBackup(opts.dataDir, name) };
      } catch (err) {
        if (err instanceof BackupNameError) throw new BridgeError({ code: 'bad-request', message: 'Not a Parley backup name' });
        throw new BridgeError({ code: 'not-found', message: 'That backup no longer exists' });
      }
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
      account?.close();
      await localApi?.close();
    },
  };
}

/** GET /api/v1/models for the local API, in OpenRouter's shape (prices per token as strings). */
function toOpenRouterModel(m: ModelList['models'][number]) {
  const perToken = (v: number | null) => (v === null ? undefined : String(v / 1e6));
  return {
    id: m.id,
    name: m.name,
    context_length: m.contextLength,
    architecture: { input_modalities: m.inputModalities, output_modalities: m.outputModalities },
    pricing: { prompt: perToken(m.promptUsdPerMTok), completion: perToken(m.completionUsdPerMTok) },
  };
}

export type Backend = ReturnType<typeof createBackend>;
