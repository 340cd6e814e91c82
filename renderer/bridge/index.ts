import type { ParleyBridge } from '../../shared/contract/bridge';
import { createElectronBridge, type PreloadApi } from './electron-bridge';
import { createWsBridge, type ConnectionStatus } from './ws-bridge';
import { takeHostToken } from './token';

declare global {
  interface Window {
    parley?: PreloadApi;
  }
}

export type BridgeState =
  | { kind: 'ready'; bridge: ParleyBridge }
  | { kind: 'no-token' };

let state: BridgeState | null = null;
const statusListeners = new Set<(s: ConnectionStatus) => void>();
let lastStatus: ConnectionStatus = 'open';

/** Picks the transport once: Electron's preload when present, otherwise the loopback host's WebSocket. */
export function getBridgeState(): BridgeState {
  if (state) return state;
  if (window.parley) {
    state = { kind: 'ready', bridge: createElectronBridge(window.parley) };
    return state;
  }
  const token = takeHostToken();
  // The link opened again in this tab (after a restart the host prints a new one) only changes the fragment, which
  // does not reload the page: reload it, so the new token is taken and the page connects with it.
  window.addEventListener('hashchange', () => {
    if (/(?:^#|&)token=/.test(window.location.hash)) window.location.reload();
  });
  if (!token) return (state = { kind: 'no-token' });
  lastStatus = 'connecting';
  const bridge = createWsBridge(token, {
    onStatus: (s) => {
      lastStatus = s;
      for (const l of statusListeners) l(s);
    },
  });
  return (state = { kind: 'ready', bridge });
}

export function onConnectionStatus(listener: (s: ConnectionStatus) => void): () => void {
  statusListeners.add(listener);
  listener(lastStatus);
  return () => statusListeners.delete(listener);
}

export function bridge(): ParleyBridge {
  const s = getBridgeState();
  if (s.kind !== 'ready') throw new Error('Parley is not connected to its host');
  return s.bridge;
}
