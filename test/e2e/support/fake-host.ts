import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend/create-backend';
import { createLocalCipher } from '../../../electron/vault/local-cipher';
import { startHost } from '../../../electron/host/host-server';
import type { ModelList } from '../../../shared/contract/models';
import { createFakeChatEngine, type FakeEngineOptions } from './fake-chat-engine';

const repoRoot = resolve(import.meta.dirname, '../../..');
export const RENDERER_DIR = join(repoRoot, 'dist/renderer');

export interface FakeHost {
  url: string;
  origin: string;
  backend: Backend;
  requests: ReturnType<typeof createFakeChatEngine>['requests'];
  close(): Promise<void>;
}

/** The built renderer served by the real host and backend, with a fake engine streaming paced answers. */
export async function startFakeHost(opts: FakeEngineOptions & { models?: ModelList['models']; env?: Record<string, string> } = {}): Promise<FakeHost> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-fakehost-'));
  const fake = createFakeChatEngine(opts);
  const backend = createBackend({
    dataDir, transport: 'host', version: '0.0.0-test', cipher: createLocalCipher(dataDir), chatEngine: fake.engine, env: opts.env ?? {}, detectLocalServers: false,
    listModels: () => ({ models: opts.models ?? [], source: 'bundled', fetchedAt: Date.now() }),
  });
  const host = await startHost({ backend, staticDir: RENDERER_DIR });
  return {
    url: host.url,
    origin: host.origin,
    backend,
    requests: fake.requests,
    async close() {
      await host.close();
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
