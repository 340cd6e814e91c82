import { BridgeError, type ParleyBridge, type BridgeErrorShape } from '../../shared/contract/bridge';

/** What the sandboxed preload exposes as window.parley. */
export interface PreloadApi {
  invoke(route: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: BridgeErrorShape }>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export function createElectronBridge(api: PreloadApi): ParleyBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  api.subscribe((event, payload) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  });
  return {
    transport: 'electron',
    async invoke(route, input) {
      const result = await api.invoke(route, input);
      if (!result.ok) throw new BridgeError(result.error);
      return result.value as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
}
