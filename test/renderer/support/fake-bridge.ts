import type { ParleyBridge } from '../../../shared/contract/bridge';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { RouteInput, RouteName, RouteOutput } from '../../../shared/contract/routes';

type Handler = (input: unknown) => unknown;

/** A bridge whose routes are the given handlers (others reject as main would) and whose events the test emits. */
export function createFakeBridge(handlers: Partial<Record<RouteName, Handler>> = {}) {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const calls: { route: RouteName; input: unknown }[] = [];
  const bridge: ParleyBridge = {
    transport: 'electron',
    async invoke<R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteOutput<R>> {
      calls.push({ route, input });
      const h = handlers[route];
      if (!h) throw new Error(`no handler for ${route}`);
      return structuredClone(await h(input)) as RouteOutput<R>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
  return {
    bridge,
    calls,
    handlers,
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const l of listeners.get(event) ?? []) l(structuredClone(payload));
    },
    listenerCount: (event: EventName) => listeners.get(event)?.size ?? 0,
  };
}
