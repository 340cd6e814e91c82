import type { PreloadApi } from '../../../renderer/bridge/electron-bridge';
import type { Dispatch } from '../../../electron/ipc/dispatcher';
import type { EventHub } from '../../../electron/ipc/event-hub';

/** Stands in for Electron's preload in jsdom: the real backend behind window.parley, as the app sees it. */
export function installFakePreload(backend: { dispatch: Dispatch; hub: EventHub }): PreloadApi {
  const api: PreloadApi = {
    invoke: (route, input) => backend.dispatch(route, structuredClone(input)) as ReturnType<PreloadApi['invoke']>,
    subscribe: (listener) => backend.hub.attach((event, payload) => listener(event, structuredClone(payload))),
  };
  window.parley = api;
  return api;
}
