import { useEffect, useState } from 'react';
import { bridge } from '../../bridge';
import type { ModelEndpointPrice } from '../../../shared/contract/catalog-endpoints';

export interface EndpointPrices {
  /** model → its endpoints once main answered (absent while asking, or when asking failed) */
  byModel: ReadonlyMap<string, readonly ModelEndpointPrice[]>;
  /** why a model's endpoints could not be read */
  problems: ReadonlyMap<string, string>;
}

/** Each model's price on each upstream that can serve it (catalog.endpoints), asked once per model. */
export function useEndpointPrices(models: readonly string[]): EndpointPrices {
  const [state, setState] = useState<EndpointPrices>({ byModel: new Map(), problems: new Map() });
  const wanted = [...new Set(models)].sort().join('\n');

  useEffect(() => {
    let live = true;
    const missing = wanted.split('\n').filter((m) => m && !state.byModel.has(m) && !state.problems.has(m));
    for (const model of missing) {
      bridge().invoke('catalog.endpoints', { model }).then(
        (r) => live && setState((s) => ({ ...s, byModel: new Map(s.byModel).set(model, r.endpoints) })),
        (err: unknown) => live && setState((s) => ({ ...s, problems: new Map(s.problems).set(model, (err as Error).message) })),
      );
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asks only for models not yet asked about
  }, [wanted]);
  return state;
}

/** What the provider menu calls an endpoint. */
export function endpointName(e: ModelEndpointPrice): string {
  if (e.local) return `${e.label} (this machine)`;
  return e.byok ? `${e.label} (own key)` : e.label;
}
