import { timingSafeEqual } from 'node:crypto';

/** The host answers only to its own loopback name. A page on another site that resolves its domain to 127.0.0.1
 * (DNS rebinding) sends its own Host/Origin and is refused. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return !!hostHeader && allowedHosts(port).has(hostHeader.toLowerCase());
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (!origin) return false;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
