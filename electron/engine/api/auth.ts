import { timingSafeEqual, createHash, randomBytes } from 'node:crypto';

// The local API answers only to its own loopback name (no DNS rebinding) and only with the bearer token.

export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const h = hostHeader.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** Constant-time comparison of the `Authorization: Bearer …` header with the token (hashing first evens lengths). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
  const given = createHash('sha256').update(m?.[1] ?? '').digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected) && !!m;
}

export function resolveApiToken(explicit: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  return explicit || env.PARLEY_API_TOKEN?.trim() || `parley-${randomBytes(24).toString('base64url')}`;
}
