import { readFile } from 'node:fs/promises';
import { resolveStatic } from '../host/static-files';
import { contentSecurityPolicy } from './csp';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', js: 'text/javascript', css: 'text/css', json: 'application/json',
  svg: 'image/svg+xml', png: 'image/png', woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf', wasm: 'application/wasm',
};

/** Serves the built renderer under app://parley with the app's CSP. Used by protocol.handle in main. */
export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl);
  if (url.host !== 'parley') return new Response('Not found', { status: 404 });
  const file = resolveStatic(rendererDir, url.pathname);
  if (!file) return new Response('Not found', { status: 404 });
  const body = await readFile(file);
  const ext = file.split('.').pop() ?? '';
  return new Response(body, {
    headers: {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
