import { useCallback, useEffect, useRef, useState } from 'react';
import { bridge } from './';
import type { RouteName, RouteInput, RouteOutput } from '../../shared/contract/routes';
import type { EventName, EventPayload } from '../../shared/contract/events';

/** Loads a route's value once, and keeps it fresh from an event that carries the new value. */
export function useRouteValue<R extends RouteName, E extends EventName>(
  route: R,
  input: RouteInput<R>,
  refreshEvent?: E & (EventPayload<E> extends RouteOutput<R> ? E : never),
) {
  const [value, setValue] = useState<RouteOutput<R> | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(input);
  const mounted = useRef(false); // an answer that comes back after the component is gone is dropped
  const reload = useCallback(() => {
    bridge()
      .invoke(route, JSON.parse(key) as RouteInput<R>)
      .then(
        (v) => {
          if (!mounted.current) return;
          setValue(v);
          setError(null);
        },
        (err: Error) => {
          if (mounted.current) setError(err.message);
        },
      );
  }, [route, key]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    reload();
    if (!refreshEvent) return;
    return bridge().on(refreshEvent, (payload) => setValue(payload as RouteOutput<R>));
  }, [reload, refreshEvent]);
  return { value, error, reload, setValue };
}
