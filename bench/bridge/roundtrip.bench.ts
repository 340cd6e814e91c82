// Route round-trip over the host's WebSocket bridge vs calling the dispatcher in-process (the floor).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createBackend } from '../../electron/backend/create-backend';
import { createLocalCipher } from '../../electron/vault/local-cipher';
import { startHost } from '../../electron/host/host-server';
import type { BenchResult } from '../types';

const N = 2000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

export default async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-bridge-'));
  mkdirSync(join(dir, 'r'));
  writeFileSync(join(dir, 'r', 'index.html'), '');
  const backend = createBackend({ dataDir: dir, transport: 'host', version: '0', cipher: createLocalCipher(dir), env: {}, detectLocalServers: false });
  const host = await startHost({ backend, staticDir: join(dir, 'r') });
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge`, ['parley.v1', `parley.token.${host.token}`], { headers: { Origin: host.origin } });
  await new Promise((r) => ws.once('message', r)); // the server's hello follows the open

  const direct: number[] = [];
  const bridged: number[] = [];
  for (let i = 0; i < N; i++) {
    let t = performance.now();
    await backend.dispatch('app.info', {});
    direct.push(performance.now() - t);
    t = performance.now();
    await new Promise<void>((done) => {
      ws.once('message', () => done());
      ws.send(JSON.stringify({ t: 'call', id: i, route: 'app.info', input: {} }));
    });
    bridged.push(performance.now() - t);
  }
  ws.close();
  await host.close();
  const p50 = pct(bridged, 0.5);
  const p99 = pct(bridged, 0.99);
  return [
    { name: 'bridge round-trip p50', value: p50, unit: 'ms', baseline: { name: 'in-process dispatch p50', value: pct(direct, 0.5) }, ratio: p50 / pct(direct, 0.5), notes: `${N} calls, app.info` },
    { name: 'bridge round-trip p99', value: p99, unit: 'ms', baseline: { name: 'in-process dispatch p99', value: pct(direct, 0.99) }, ratio: p99 / pct(direct, 0.99) },
  ];
}
