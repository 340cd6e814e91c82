import { timingSafeEqual, createHash, randomBytes } from 'node:crypto';
import type { EngineError } from '../errors';
import type { WorstCase } from '../record/worst-case-cost';
import { cachedAuth } from './auth-cache';

// Who may call the local API: only requests addressed to its own loopback name (no DNS rebinding) that carry a
// bearer token belonging to an enabled app key.

export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const h = hostHeader.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header?.trim() ?? '');
  return m?.[1];
}

/** Constant-time comparison of the `Authorization: Bearer …` header with the token (hashing first evens lengths). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = bearerToken(header);
  const a = createHash('sha256').update(given ?? '').digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b) && given !== undefined;
}

/** How an app key's token is stored: its SHA-256, hex. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function resolveApiToken(explicit: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  return explicit || env.PARLEY_API_TOKEN?.trim() || `parley-${randomBytes(24).toString('base64url')}`;
}

/** The app key a request came with (never the token itself). */
export interface ApiCaller {
  keyId: string;
  label: string;
}

export type AuthOutcome = { ok: true; caller: ApiCaller } | { ok: false; reason: 'unknown' | 'disabled' };

/** The local API's gatekeeper: the backend's app keys, or one fixed token (tests, benchmarks). */
export interface LocalApiAccess {
  authenticate(token: string): AuthOutcome;
  /** Called before anything is sent upstream, with the request's worst-case cost (worked out on demand): either
   * refuses it (402 when its limits cannot cover it) or holds that cost against them until `release`, called once the request has ended
   * and its real cost is counted (docs/openrouter-api.md §12.2). */
  admit?(caller: ApiCaller, worstCase: () => WorstCase): Admission;
}

export type Admission = { ok: true; release(): void } | { ok: false; error: EngineError };

export function singleTokenAccess(token: string): LocalApiAccess {
  const caller: ApiCaller = { keyId: 'default', label: 'Default key' };
  const expected = createHash('sha256').update(token).digest();
  const matches = (given: string) => timingSafeEqual(createHash('sha256').update(given).digest(), expected);
  return { authenticate: cachedAuth((given) => (matches(given) ? { ok: true, caller } : { ok: false, reason: 'unknown' })).authenticate };
}
