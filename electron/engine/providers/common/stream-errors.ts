import type { NormalizedEvent } from '../../types';

// The error events every adapter emits when a stream itself is broken (not when the upstream reports an
// error). 502 = "invalid response from provider" in OpenRouter's vocabulary.

export type ErrorEvent = Extract<NormalizedEvent, { type: 'error' }>;

export function malformedJson(label: string): ErrorEvent {
  return { type: 'error', code: 502, message: `${label} sent malformed JSON in its stream`, errorType: 'provider_unavailable' };
}

export function truncatedStream(label: string, missing: string): ErrorEvent {
  return { type: 'error', code: 502, message: `${label} stream ended before ${missing}`, errorType: 'provider_unavailable' };
}

export function oversizedEvent(label: string, detail: string): ErrorEvent {
  return { type: 'error', code: 502, message: `${label} stream is unreadable: ${detail}`, errorType: 'provider_unavailable' };
}

export function invalidBody(label: string): ErrorEvent {
  return { type: 'error', code: 502, message: `${label} sent a response Parley could not read`, errorType: 'provider_unavailable' };
}
