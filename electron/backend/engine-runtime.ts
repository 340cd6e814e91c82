import {
  buildUpstreams, createEngine, detectLocalServers, envBaseUrl, normaliseBaseUrl, upstreamsFromEnv, type DetectOptions, type Engine, type EngineOptions, type UpstreamConfig,
} from '../engine';
import type { KeyVault } from '../vault/key-vault';
import type { KeySummary } from '../../shared/contract/routes';
import { keyHint } from '../vault/key-vault';
import { UPSTREAM_KIND_INFO } from '../../shared/providers/upstream-kinds';

export interface EngineRuntimeOptions {
  vault: KeyVault;
  env: Readonly<Record<string, string | undefined>>;
  adapterFor?: EngineOptions['adapterFor'];
  fetch?: typeof fetch;
  detect?: DetectOptions | false; // false: do not probe for local servers (tests)
  pricing?: EngineOptions['pricing'];
  knownModel?: EngineOptions['knownModel'];
  modelLimits?: EngineOptions['modelLimits'];
  priceUsage?: EngineOptions['priceUsage'];
  priceSnapshot?: EngineOptions['priceSnapshot'];
  onGeneration?: EngineOptions['onGeneration'];
  idleTimeoutMs?: EngineOptions['idleTimeoutMs'];
  onStart?: EngineOptions['onStart'];
}

/** The engine as main runs it: upstreams rebuilt from the vault, the environment and detected local servers.
 * Decrypted keys are cached here, in main, and rebuilt only when keys change. */
export function createEngineRuntime(opts: EngineRuntimeOptions) {
  let local: UpstreamConfig[] = [];
  let cached: UpstreamConfig[] | null = null;
  const upstreams = () =>
    (cached ??= buildUpstreams({
      vault: opts.vault.secrets((id) => console.warn(`key ${id} could not be decrypted; re-enter it in Settings`)),
      env: opts.env,
      local,
    }));

  const engine: Engine = createEngine({
    upstreams,
    ...(opts.adapterFor ? { adapterFor: opts.adapterFor } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.pricing ? { pricing: opts.pricing } : {}),
    ...(opts.knownModel ? { knownModel: opts.knownModel } : {}),
    ...(opts.modelLimits ? { modelLimits: opts.modelLimits } : {}),
    ...(opts.priceUsage ? { priceUsage: opts.priceUsage } : {}),
    ...(opts.priceSnapshot ? { priceSnapshot: opts.priceSnapshot } : {}),
    ...(opts.onGeneration ? { onGeneration: opts.onGeneration } : {}),
    ...(opts.idleTimeoutMs !== undefined ? { idleTimeoutMs: opts.idleTimeoutMs } : {}),
    ...(opts.onStart ? { onStart: opts.onStart } : {}),
    logger: {
      info: () => {},
      warn: (event, meta) => console.warn(`engine: ${event}`, JSON.stringify(meta)),
    },
  });

  return {
    engine,
    upstreams,
    invalidate() {
      cached = null;
    },
    async detectLocal(): Promise<UpstreamConfig[]> {
      if (opts.detect === false) return [];
      local = await detectLocalServers({ ...(opts.fetch ? { fetch: opts.fetch } : {}), ...(opts.detect ?? {}) });
      cached = null;
      return local;
    },
    /** Every upstream as Settings lists it: typed keys, then keys from the environment and detected local
     * servers, each with the base URL in use and where it comes from. */
    describe(typed: KeySummary[]): KeySummary[] {
      const inUse = new Map(upstreams().map((u) => [u.id, u]));
      const typedRows = typed.map((k): KeySummary => {
        const envVar = UPSTREAM_KIND_INFO[k.kind].env.baseUrl;
        const fromEnv = !k.baseUrl && envBaseUrl(opts.env, k.kind);
        return {
          ...k,
          baseUrl: normaliseBaseUrl(k.baseUrl || fromEnv || UPSTREAM_KIND_INFO[k.kind].defaultBaseUrl),
          baseUrlSource: k.baseUrl ? 'typed' : fromEnv ? 'env' : 'default',
          ...(fromEnv ? { envBaseUrlVar: envVar } : {}),
          inUse: inUse.has(k.id),
        };
      });
      const env = upstreamsFromEnv(opts.env).map((u): KeySummary => {
        const vars = UPSTREAM_KIND_INFO[u.kind].env;
        const fromEnv = !!envBaseUrl(opts.env, u.kind);
        return {
          id: u.id, kind: u.kind, label: u.label, baseUrl: u.baseUrl, hint: keyHint(u.apiKey), source: 'env', createdAt: 0,
          baseUrlSource: fromEnv ? 'env' : 'default', envKeyVar: vars.key, ...(fromEnv ? { envBaseUrlVar: vars.baseUrl } : {}), inUse: inUse.has(u.id),
        };
      });
      const detected = local.map((u): KeySummary => ({
        id: u.id, kind: u.kind, label: u.label, baseUrl: u.baseUrl, hint: 'no key', source: 'detected', createdAt: 0, baseUrlSource: 'detected', inUse: inUse.has(u.id),
      }));
      return [...typedRows, ...env, ...detected];
    },
  };
}

export type EngineRuntime = ReturnType<typeof createEngineRuntime>;
