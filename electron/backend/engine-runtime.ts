import {
  buildUpstreams, createEngine, detectLocalServers, upstreamsFromEnv, type DetectOptions, type Engine, type EngineOptions, type UpstreamConfig,
} from '../engine';
import type { KeyVault } from '../vault/key-vault';
import type { KeySummary } from '../../shared/contract/routes';
import { keyHint } from '../vault/key-vault';

export interface EngineRuntimeOptions {
  vault: KeyVault;
  env: Readonly<Record<string, string | undefined>>;
  adapterFor?: EngineOptions['adapterFor'];
  fetch?: typeof fetch;
  detect?: DetectOptions | false; // false: do not probe for local servers (tests)
  pricing?: EngineOptions['pricing'];
  knownModel?: EngineOptions['knownModel'];
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
    /** Keys from the environment and detected local servers, as the settings page lists them. */
    externalSummaries(): KeySummary[] {
      const env = upstreamsFromEnv(opts.env).map((u) => ({
        id: u.id, kind: u.kind, label: u.label, baseUrl: u.baseUrl, hint: keyHint(u.apiKey), source: 'env' as const, createdAt: 0,
      }));
      const detected = local.map((u) => ({
        id: u.id, kind: u.kind, label: u.label, baseUrl: u.baseUrl, hint: 'no key', source: 'detected' as const, createdAt: 0,
      }));
      return [...env, ...detected];
    },
  };
}

export type EngineRuntime = ReturnType<typeof createEngineRuntime>;
