import { createDispatcher, type RouteHandlers } from '../ipc/dispatcher';
import { createEventHub } from '../ipc/event-hub';
import { createKeyVault } from '../vault/key-vault';
import type { SecretCipher } from '../vault/cipher';
import { createSettingsStore } from './settings-store';
import { isAllowedExternalUrl } from './external-links';
import { createStreamManager } from './chat/stream-manager';
import { createRoomApprovals } from '../tools/loop/room-approvals';
import type { ChatEngine } from './chat/chat-engine';
import type { ModelList } from '../../shared/contract/models';
import { createEngineRuntime, type EngineRuntimeOptions } from './engine-runtime';
import { createLocalApiControl } from './local-api-control';
import { createCatalogService } from './catalog-service';
import { createAccountService } from './account-service';
import { createGenerationJournal } from './generation-journal';
import { journalWatcher } from './interrupted/journal-watcher';
import { createAppKeys } from './app-keys/app-keys';
import { createLocalApiData } from './local-api-data/local-api-data';
import { writeBackup, listBackups, readBackup, BackupNameError } from '../backup';
import { listUpstreamModels, type UpstreamConfig } from '../engine';
import type { GenerationRecord } from '../../shared/openrouter/generation';
import { BridgeError } from '../../shared/contract/bridge';
import { saving } from './saving';
import { makeDataDirPrivate } from '../fs/private-modes';
import { createMcpManager, createMcpServerStore } from '../tools/mcp';
import { mcpRouteHandlers } from './tools/mcp-routes';

export interface BackendOptions {
  dataDir: string;
  transport: 'electron' | 'host';
  version: string;
  cipher: SecretCipher;
  /** Opens a URL in the OS browser. Host mode has none: the page opens links itself. */
  openExternal?: (url: string) => Promise<void>;
  env?: Readonly<Record<string, string | undefined>>;
  fetch?: typeof fetch;
  /** false: do not probe 127.0.0.1 for Ollama / LM Studio (tests). */
  detectLocalServers?: boolean;
  /** Provider adapters; default the provider modules' own (tests wrap them to observe requests). */
  adapterFor?: EngineRuntimeOptions['adapterFor'];
  /** Refresh the model catalog by itself, at most daily while online (the app and the host; tests leave it off).
   * PARLEY_CATALOG_URL overrides the /models base URL. */
  catalogAutoRefresh?: boolean;
  /** Tests only: shorter MCP start and call timeouts. */
  mcpTimeouts?: { startMs?: number; callMs?: number };
  /** Tests only: scripted streams for the chat routes instead of the routing engine, and a fixed model list. */
  chatEngine?: ChatEngine;
  listModels?: () => ModelList;
}

/** Everything main does, independent of Electron: the same backend serves the Electron window and the loopback
 * host. */
export function createBackend(opts: BackendOptions) {
  const hub = createEventHub();
  makeDataDirPrivate(opts.dataDir);
  const vault = createKeyVault(opts.dataDir, opts.cipher);
  const settings = createSettingsStore(opts.dataDir);
  const env = opts.env ?? process.env;
  const fetchOpt = opts.fetch ? { fetch: opts.fetch } : {};
  const journal = createGenerationJournal(opts.dataDir);
  const appKeys = createAppKeys({
    dataDir: opts.dataDir,
    env,
    onChange: (keys) => hub.emit('apiKeys.changed', keys),
    unknownCostCapMicros: () => settings.get().unknownCostCapMicros,
  });
  for (const record of journal.recovered) appKeys.onRecord(record); // an interrupted request's estimate counts against its key
  // The catalog needs the upstream list and the engine needs the catalog's prices: the getter breaks the cycle.
  let upstreams = (): UpstreamConfig[] => [];
  const catalog = createCatalogService({
    dataDir: opts.dataDir,
    upstreams: () => upstreams(),
    ...fetchOpt,
    ...(env.PARLEY_CATALOG_URL ? { modelsBaseUrl: env.PARLEY_CATALOG_URL } : {}),
    autoRefresh: opts.catalogAutoRefresh === true ? {} : false,
    // a refresh, asked for or daily, reaches every window's picker
    onRefreshed: () => hub.emit('models.changed', listModels()),
  });
  const runtime = createEngineRuntime({
    vault,
    env,
    ...(opts.adapterFor ? { adapterFor: opts.adapterFor } : {}),
    ...fetchOpt,
    pricing: catalog.hooks.pricing,
    knownModel: catalog.hooks.knownModel,
    modelLimits: (slug) => catalog.limits(slug),
    priceUsage: catalog.hooks.priceUsage,
    priceSnapshot: catalog.hooks.priceSnapshot,
    detect: opts.detectLocalServers === false ? false : {},
    idleTimeoutMs: () => settings.get().streamIdleTimeoutSeconds * 1000,
    // Other apps' requests have no window keeping track of them: journal their start and progress so a kill
    // leaves a priced record.
    onStart: (record, req) => (record.source === 'local-api' ? journalWatcher(journal, record, req, catalog.hooks) : undefined),
    onGeneration: (record: GenerationRecord) => {
      journal.record(record);
      appKeys.onRecord(record);
      hub.emit('generation.recorded', { record });
      account.onGeneration(record);
    },
  });
  upstreams = runtime.upstreams;
  const account = createAccountService({
    upstreams: runtime.upstreams,
    ...fetchOpt,
    onSummary: (s) => hub.emit('account.changed', s),
    onReconciled: (r) => {
      journal.reconciled(r);
      appKeys.onReconciled(r);
      hub.emit('generation.reconciled', r);
    },
    priceChange: (record) => catalog.priceChange(record),
  });
  const localApiData = createLocalApiData({
    list: () => catalog.list(),
    model: (id) => catalog.model(id),
    pricingOf: catalog.hooks.pricingOf,
    upstreams: runtime.upstreams,
    health: () => runtime.engine.health(),
    journal,
    appKeys,
  });
  const localApi = createLocalApiControl({ engine: runtime.engine, appKeys, data: localApiData, corsOrigins: () => settings.get().localApiCorsOrigins });
  const allKeys = () => runtime.describe(vault.list());
  const listModels = () => opts.listModels?.() ?? catalog.list();
  // One change of upstreams reaches every window at once: the key list, the picker's "served by", the balance.
  const upstreamsChanged = () => {
    hub.emit('keys.changed', allKeys());
    hub.emit('models.changed', listModels());
    void account.refresh();
  };
  const keysChanged = () => {
    runtime.invalidate();
    upstreamsChanged();
  };
  if (opts.detectLocalServers !== false) void runtime.detectLocal().then((found) => found.length && upstreamsChanged());
  if (settings.get().localApiEnabled) void localApi.set(true, settings.get().localApiPort);
  const streams = createStreamManager(opts.chatEngine ?? runtime.engine, {
    delta: (d) => hub.emit('chat.delta', d),
    finished: (s) => hub.emit('chat.finished', s),
  }, { tools: { callTool: (id, tool, args, o) => mcp.callTool(id, tool, args, o), approvals: createRoomApprovals() } });

  // MCP servers start when first needed and stop on quit (close below).
  const mcp = createMcpManager({
    store: createMcpServerStore(opts.dataDir, opts.cipher),
    version: opts.version,
    onChange: (servers) => hub.emit('mcp.changed', servers),
    ...(opts.mcpTimeouts?.startMs ? { startTimeoutMs: opts.mcpTimeouts.startMs } : {}),
    ...(opts.mcpTimeouts?.callMs ? { callTimeoutMs: opts.mcpTimeouts.callMs } : {}),
  });

  const handlers: RouteHandlers = {
    'app.info': () => ({
      name: 'Parley' as const,
      version: opts.version,
      transport: opts.transport,
      platform: process.platform,
      engine: { upstreams: runtime.upstreams().length },
      keyProtection: opts.cipher.protection,
    }),
    'settings.get': () => settings.get(),
    'settings.update': async (patch) => {
      const next = saving('the settings', () => settings.update(patch));
      if ('localApiEnabled' in patch || 'localApiPort' in patch) await localApi.set(next.localApiEnabled, next.localApiPort);
      hub.emit('settings.changed', next);
      return next;
    },
    'keys.list': () => allKeys(),
    'keys.set': (input) => {
      const saved = saving('the key', () => vault.set(input));
      keysChanged();
      return saved;
    },
    'keys.remove': ({ id }) => {
      const removed = saving('the change to your keys', () => vault.remove(id));
      if (removed) keysChanged();
      return { removed };
    },
    'keys.test': async ({ id }) => {
      const upstream = runtime.upstreams().find((u) => u.id === id);
      if (!upstream) throw new BridgeError({ code: 'not-found', message: 'No such provider is configured' });
      return listUpstreamModels(upstream, opts.fetch ? { fetch: opts.fetch } : {});
    },
    'api.status': () => localApi.status(),
    'apiKeys.list': () => appKeys.list(),
    'apiKeys.create': (input) => appKeys.create(input),
    'apiKeys.update': (patch) => {
      const updated = appKeys.update(patch);
      if (!updated) throw new BridgeError({ code: 'not-found', message: 'No such app key' });
      return updated;
    },
    'apiKeys.remove': ({ id }) => ({ removed: appKeys.remove(id) }),
    'chat.start': ({ streamId, meta, request, tools }) => streams.start(streamId, meta, request, tools),
    'chat.approveTool': ({ streamId, callId, choice }) => ({ accepted: streams.approveTool(streamId, callId, choice) }),
    'chat.stop': ({ streamId }) => ({ stopped: streams.stop(streamId) }),
    'chat.active': () => streams.active(),
    'chat.ack': ({ streamId }) => ({ released: streams.ack(streamId) }),
    'models.list': () => listModels(),
    'models.refresh': () => catalog.refresh(),
    'account.summary': () => account.summary(),
    'account.refresh': () => account.refresh(),
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
    ...mcpRouteHandlers(mcp),
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
    mcp,
    close: async () => {
      streams.close();
      await mcp.close();
      account.close();
      catalog.close();
      await localApi.close();
      runtime.engine.close();
    },
  };
}

export type Backend = ReturnType<typeof createBackend>;
