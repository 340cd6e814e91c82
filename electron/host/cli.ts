import { homedir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend/create-backend';
import { createLocalCipher } from '../vault/local-cipher';
import { defaultDataDir } from '../shell/data-dir';
import { startHost, type RunningHost } from './host-server';
import { choosePort, portInUseMessage, portIsFree, rememberPort, type PortChoice } from './host-port';

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

const dataDir = values['data-dir'] ?? defaultDataDir(process.platform, process.env, homedir());
const here = dirname(fileURLToPath(import.meta.url));
let choice: PortChoice;
try {
  choice = choosePort({ flag: values.port, env: process.env.PARLEY_PORT, dataDir });
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

// A taken port is reported before anything else starts (a second Parley on the same data directory must not touch
// the first one's files).
if (choice.port !== 0 && !(await portIsFree(choice.port))) {
  console.error(portInUseMessage(choice));
  process.exit(1);
}

const backend = createBackend({
  dataDir,
  transport: 'host',
  version: __PARLEY_VERSION__,
  cipher: createLocalCipher(dataDir),
  catalogAutoRefresh: true,
});
let host: RunningHost;
try {
  host = await startHost({ backend, staticDir: join(here, '..', 'renderer'), port: choice.port });
} catch (err) {
  if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
  console.error(portInUseMessage(choice));
  await backend.close();
  process.exit(1);
}
rememberPort(dataDir, host.port);

process.stdout.write(`Parley is running at ${host.url}\n`);
process.stdout.write(`Data directory: ${dataDir}\n`);

if (values.api) {
  // `--api` turns the local OpenRouter-compatible API on for this and later launches, like the app's setting.
  const apiPort = Number(values['api-port'] ?? backend.settings.get().localApiPort);
  await backend.dispatch('settings.update', { localApiEnabled: true, localApiPort: apiPort });
  const status = backend.localApi.status();
  if (status.running) {
    const token = backend.localApi.printableToken();
    process.stdout.write(`Local API: ${status.url} (${token ? `Authorization: Bearer ${token}` : 'create an app key in Settings → Local API'})\n`);
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
