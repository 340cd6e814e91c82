import type { Endpoint } from '../routing/route-types';

// What the engine tells an observer of one request while it runs (EngineOptions.onStart returns one), so that a
// journal can price the request even if the process dies before its record is made.

/** The endpoint whose output reaches the caller (after any failover), as the record will name it. */
export interface ServedEndpoint {
  model: string; // the slug the caller is told (OpenRouter may name the model it picked)
  provider: string;
  endpoint: Pick<Endpoint, 'upstream' | 'modelSlug' | 'variants'>;
}

export interface RequestWatcher {
  /** The first output is about to go to the caller, from this endpoint. Called once. */
  serving?(served: ServedEndpoint): void;
  /** A piece of output the upstream sent (text, reasoning or tool-call arguments). Called per chunk, on the relay's
   * path: it must be cheap, and what it throws is ignored. */
  relayed?(text: string): void;
}
