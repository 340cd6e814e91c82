import { clientStatusFor } from '../errors';
import type { UpstreamConfig } from '../types';
import type { AttemptFailure } from './retry-policy';

// One sentence a user can act on, naming the upstream and never its key.

export function describeFailure(f: AttemptFailure, u: UpstreamConfig, ttftTimeoutMs: number): string {
  const name = u.label;
  const detail = f.message ? `: ${f.message}` : '';
  if (f.kind === 'timeout') return `${name} sent no output within ${Math.round(ttftTimeoutMs / 1000)} s`;
  if (f.kind === 'network') return `Could not reach ${name}${detail}`;
  const status = f.status;
  if (status === null) return `${name} ended the stream without output${detail}`;
  switch (clientStatusFor(status, f.kind)) {
    case 401: return `${name} rejected the API key (HTTP ${status}). Check the ${name} key in Parley's settings.`;
    case 402: return `${name} requires payment or more credits (HTTP ${status})${detail}`;
    case 403: return `${name} refused the request (HTTP ${status})${detail}`;
    case 404: return `${name} does not serve this model (HTTP ${status})${detail}`;
    case 429: return `${name} is rate limiting requests (HTTP ${status})${detail}`;
    case 503: return `${name} is overloaded (HTTP ${status})${detail}`;
    case 502: return `${name} returned an error (HTTP ${status})${detail}`;
    default: return `${name} rejected the request (HTTP ${status})${detail}`;
  }
}
