import { createDispatcher, type RouteHandlers } from '../ipc/dispatcher';
import { createEventHub } from '../ipc/event-hub';
import { createKeyVault } from '../vault/key-vault';
import type { SecretCipher } from '../vault/cipher';
import { createSettingsStore } from './settings-store';
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
import type { UpstreamConfig } from '../engine';
import type { GenerationRecord } from '../../shared/openrouter/generation';
import { makeDataDirPrivate } from '../fs/private-modes';
import { createMcpManager, createMcpServerStore } from '../tools/mcp';
import { mcpRouteHandlers } from './tools/mcp-routes';
import { appRouteHandlers } from './routes/app-routes';
import { keyRouteHandlers } from './routes/key-routes';
import { localApiRouteHandlers } from './routes/local-api-routes';
import { chatRouteHandlers } from './routes/chat-routes';
import { moneyRouteHandlers } from './routes/money-routes';
import { catalogRouteHandlers } from './routes/catalog-routes';
import { backupRouteHandlers } from './routes/backup-routes';
import { localServerRouteHandlers } from './local-servers/local-server-routes';
import { detectOptionsFromEnv } from './local-servers/detect-options';

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
    detect: opts.detectLocalServers === false ? false : detectOptionsFromEnv(env),
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
  }, { tools: { callTool: (id, tool, args, o) => mcp.callTool(id, tool, args, o), approvals: createRoomApprovals(), stepLimit: () => settings.get().toolStepLimit } });

  // MCP servers start when first needed and stop on quit (close below).
  const mcp = createMcpManager({
    store: createMcpServerStore(opts.dataDir, opts.cipher),
    version: opts.version,
    onChange: (servers) => hub.emit('mcp.changed', servers),
    ...(opts.mcpTimeouts?.startMs ? { startTimeoutMs: opts.mcpTimeouts.startMs } : {}),
    ...(opts.mcpTimeouts?.callMs ? { callTimeoutMs: opts.mcpTimeouts.callMs } : {}),
  });

  const handlers: RouteHandlers = {
    ...appRouteHandlers({ ...opts, runtime, settings, localApi, hub }),
    ...keyRouteHandlers({ vault, runtime, ...fetchOpt, allKeys, keysChanged }),
    ...localApiRouteHandlers({ appKeys, localApi }),
    ...chatRouteHandlers(streams),
    ...moneyRouteHandlers({ listModels, catalog, account, journal }),
    ...backupRouteHandlers(opts.dataDir),
    ...mcpRouteHandlers(mcp),
    ...localServerRouteHandlers({ runtime, upstreamsChanged }),
    ...catalogRouteHandlers({ upstreams: runtime.upstreams, pricingOf: catalog.hooks.pricingOf }),
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
