import { homedir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend/create-backend';
import { createLocalCipher } from '../vault/local-cipher';
import { defaultDataDir } from '../shell/data-dir';
import { startHost } from './host-server';

// `npm run host`: the same backend as the Electron app, serving the renderer and the bridge on 127.0.0.1.
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    api: { type: 'boolean', default: false },
    'api-port': { type: 'string' },
  },
  allowPositionals: false,
});

const port = Number(values.port ?? process.env.PARLEY_PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port "${values.port ?? process.env.PARLEY_PORT}"`);
  process.exit(2);
}
const dataDir = values['data-dir'] ?? defaultDataDir(process.platform, process.env, homedir());
const here = dirname(fileURLToPath(import.meta.url));

const backend = createBackend({
  dataDir,
  transport: 'host',
  version: __PARLEY_VERSION__,
  cipher: createLocalCipher(dataDir),
  catalogAutoRefresh: true,
});
const host = await startHost({ backend, staticDir: join(here, '..', 'renderer'), port });

process.stdout.write(`Parley is running at ${host.url}\n`);
process.stdout.write(`Data directory: ${dataDir}\n`);

if (values.api) {
  // `--api` turns the local OpenRouter-compatible API on for this and later launches, like the app's setting.
  const apiPort = Number(values['api-port'] ?? backend.settings.get().localApiPort);
  await backend.dispatch('settings.update', { localApiEnabled: true, localApiPort: apiPort });
  const status = backend.localApi.status();
  if (status.running) {
    process.stdout.write(`Local API: ${status.url} (Authorization: Bearer ${status.token})\n`);
  } else {
    console.error(`Local API did not start: ${status.error ?? 'unknown error'}`);
  }
}

const stop = async () => {
  await host.close();
  await backend.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
