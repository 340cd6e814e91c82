import type { z } from 'zod';
import { routes, type RouteName, type RouteInput, type RouteOutput } from '../../shared/contract/routes';
import { BridgeError, type BridgeErrorShape } from '../../shared/contract/bridge';

export type RouteHandlers = {
  [R in RouteName]: (input: z.output<(typeof routes)[R]['input']>) => Promise<RouteOutput<R>> | RouteOutput<R>;
};

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: BridgeErrorShape };

/** Both transports end here: unknown routes and invalid inputs are refused before any handler runs. */
export function createDispatcher(handlers: RouteHandlers, onInternalError: (route: string, err: unknown) => void) {
  return async function dispatch(route: unknown, rawInput: unknown): Promise<DispatchResult> {
    if (typeof route !== 'string' || !Object.hasOwn(routes, route)) {
      return { ok: false, error: { code: 'not-found', message: `Unknown route "${String(route).slice(0, 64)}"` } };
    }
    const name = route as RouteName;
    const parsed = routes[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'bad-request',
          message: `Invalid input for ${name}`,
          issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      };
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof BridgeError) return { ok: false, error: err.toShape() };
      onInternalError(name, err);
      return { ok: false, error: { code: 'internal', message: `${name} failed` } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
export type { RouteInput };
