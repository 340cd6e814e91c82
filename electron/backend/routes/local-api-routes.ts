import { BridgeError } from '../../../shared/contract/bridge';
import type { AppKeys } from '../app-keys/app-keys';
import type { createLocalApiControl } from '../local-api-control';
import type { RouteGroup } from './route-group';

/** The local API's state and the app keys other apps call it with. */
export function localApiRouteHandlers(d: { appKeys: AppKeys; localApi: ReturnType<typeof createLocalApiControl> }): RouteGroup<'api' | 'apiKeys'> {
  return {
    'api.status': () => d.localApi.status(),
    'apiKeys.list': () => d.appKeys.list(),
    'apiKeys.create': (input) => d.appKeys.create(input),
    'apiKeys.update': (patch) => {
      const updated = d.appKeys.update(patch);
      if (!updated) throw new BridgeError({ code: 'not-found', message: 'No such app key' });
      return updated;
    },
    'apiKeys.remove': ({ id }) => ({ removed: d.appKeys.remove(id) }),
  };
}
