// `npm start`: the Electron window where Electron's binary is installed; otherwise the same app served on
// loopback for a browser (what `npm run host` does).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const electron = findElectronBinary();

const child = electron.path
  ? spawn(electron.path, [root, ...args], { stdio: 'inherit' })
  : (console.log(`Electron's binary is not installed here (${electron.reason}); serving Parley on loopback instead — open the URL below in your browser.`),
    spawn(process.execPath, [join(root, 'dist/main/host.js'), ...args], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
