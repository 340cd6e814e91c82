import type { PreloadApi } from '../../../renderer/bridge/electron-bridge';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { RouteName } from '../../../shared/contract/routes';

type Handler = (input: unknown) => unknown;

/** window.parley backed by route handlers the test sets (a route without one answers "not-found", as main would
 * for an unknown capability). Install before the first bridge() call of the test file. */
export function installFakeMain(initial: Partial<Record<RouteName, Handler>> = {}) {
  const handlers: Partial<Record<RouteName, Handler>> = { ...initial };
  const subs = new Set<(event: string, payload: unknown) => void>();
  const calls: RouteName[] = [];
  const api: PreloadApi = {
    async invoke(route, input) {
      calls.push(route as RouteName);
      const h = handlers[route as RouteName];
      if (!h) return { ok: false, error: { code: 'not-found', message: `No route ${route}` } };
      try {
        return { ok: true, value: structuredClone(await h(input)) };
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: (err as Error).message } };
      }
    },
    subscribe(listener) {
      subs.add(listener);
      return () => subs.delete(listener);
    },
  };
  window.parley = api;
  return {
    handlers,
    calls,
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const l of subs) l(event, structuredClone(payload));
    },
  };
}
