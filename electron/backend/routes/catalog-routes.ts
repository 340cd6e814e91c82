import { endpointPrices, type EndpointPriceSources } from '../reprice/endpoint-prices';
import type { RouteGroup } from './route-group';

/** A model's price on each upstream that can serve it. */
export function catalogRouteHandlers(d: EndpointPriceSources): RouteGroup<'catalog'> {
  return {
    'catalog.endpoints': ({ model }) => endpointPrices(model, d),
  };
}
