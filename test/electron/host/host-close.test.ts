import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { startHost } from '../../../electron/host/host-server';
import { createBackend } from '../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../electron/vault/local-cipher';

// Stopping the host (Ctrl+C, SIGTERM, a restart) must not wait on a browser's request that is still in flight:
// a page half-way through a request would otherwise keep Parley from ever exiting.
describe('host close', () => {
  it('ends at once while a request is still arriving', async () => {
    const root = mkdtempSync(join(tmpdir(), 'parley-close-'));
    const staticDir = join(root, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<h1>shell</h1>');
    const dataDir = join(root, 'data');
    const backend = createBackend({ dataDir, transport: 'host', version: '0', cipher: createLocalCipher(dataDir), env: {}, detectLocalServers: false });
    const host = await startHost({ backend, staticDir });
    const socket = connect(host.port, '127.0.0.1');
    await new Promise<void>((done) => socket.once('connect', () => done()));
    socket.on('error', () => {});
    // Headers sent, body still to come: the server holds an active (not idle) connection.
    socket.write(`POST /x HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: 100\r\n\r\nabc`);
    await new Promise((r) => setTimeout(r, 100));
    const outcome = await Promise.race([
      host.close().then(() => 'closed'),
      new Promise((r) => setTimeout(() => r('still waiting after 3 s'), 3_000)),
    ]);
    socket.destroy();
    await backend.close();
    expect(outcome).toBe('closed');
  });
});
