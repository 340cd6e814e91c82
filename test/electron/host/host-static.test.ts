import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startHost, type RunningHost } from '../../../electron/host/host-server';
import { createBackend } from '../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../electron/vault/local-cipher';

let host: RunningHost;

function get(path: string, hostHeader?: string, extra: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    request({ host: '127.0.0.1', port: host.port, path, headers: { Host: hostHeader ?? `127.0.0.1:${host.port}`, ...extra } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
    })
      .on('error', fail)
      .end();
  });
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'parley-static-'));
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<h1>shell</h1>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.warn(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside');
  const dataDir = join(root, 'data');
  const backend = createBackend({ dataDir, transport: 'host', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
  host = await startHost({ backend, staticDir });
});
afterAll(() => host.close());

describe('host static serving', () => {
  it('serves the renderer with the CSP', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.body).toBe('<h1>shell</h1>');
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    const js = await get('/assets/app.js');
    expect(js.headers['content-type']).toContain('javascript');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const r = await get(path);
      expect(r.body, path).not.toContain('outside');
    }
  });

  it('answers only to its loopback names', async () => {
    expect((await get('/', `localhost:${host.port}`)).status).toBe(200);
    expect((await get('/', `evil.example:${host.port}`)).status).toBe(403);
    expect((await get('/', 'evil.example')).status).toBe(403);
  });
});

describe('the session check a reconnecting page makes', () => {
  it('answers 204 for this launch’s token, 401 for any other, and nothing to another site’s host name', async () => {
    expect((await get('/session', undefined, { 'X-Parley-Token': host.token })).status).toBe(204);
    expect((await get('/session', undefined, { 'X-Parley-Token': 'a-token-from-before-the-restart' })).status).toBe(401);
    expect((await get('/session')).status).toBe(401);
    expect((await get('/session', 'evil.example:80', { 'X-Parley-Token': host.token })).status).toBe(403);
  });
});
