import { listUpstreamModels } from '../../engine';
import type { KeyVault } from '../../vault/key-vault';
import { BridgeError } from '../../../shared/contract/bridge';
import type { EngineRuntime } from '../engine-runtime';
import { saving } from '../saving';
import type { RouteGroup } from './route-group';

export interface KeyRouteDeps {
  vault: KeyVault;
  runtime: EngineRuntime;
  fetch?: typeof fetch;
  /** Every configured key as the page sees it (never a secret). */
  allKeys: () => ReturnType<EngineRuntime['describe']>;
  /** A key was added or removed: rebuild the upstreams and tell every window. */
  keysChanged: () => void;
}

/** Provider keys: list, save, remove, and test one by listing its models. */
export function keyRouteHandlers(d: KeyRouteDeps): RouteGroup<'keys'> {
  return {
    'keys.list': () => d.allKeys(),
    'keys.set': (input) => {
      const saved = saving('the key', () => d.vault.set(input));
      d.keysChanged();
      return saved;
    },
    'keys.remove': ({ id }) => {
      const removed = saving('the change to your keys', () => d.vault.remove(id));
      if (removed) d.keysChanged();
      return { removed };
    },
    'keys.test': async ({ id }) => {
      const upstream = d.runtime.upstreams().find((u) => u.id === id);
      if (!upstream) throw new BridgeError({ code: 'not-found', message: 'No such provider is configured' });
      return listUpstreamModels(upstream, d.fetch ? { fetch: d.fetch } : {});
    },
  };
}
