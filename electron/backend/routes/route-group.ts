import type { RouteHandlers } from '../../ipc/dispatcher';

/** The handlers of every route whose name starts with `prefix.` ("keys" → keys.list, keys.set…). */
export type RouteGroup<Prefix extends string> = Pick<RouteHandlers, Extract<keyof RouteHandlers, `${Prefix}.${string}`>>;
