// `npm start`: the Electron window where Electron's binary is installed (Electron 45 fetches it on first use);
// otherwise the same app served on loopback for a browser (what `npm run host` does).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

async function electronBinary() {
  const found = findElectronBinary();
  if (found.path || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return found;
  // The electron package downloads its binary lazily; try once, quietly, and fall back if there is no network.
  // Only a download that takes a while is announced, so an offline start still says one line.
  await new Promise((done) => {
    let installer;
    try {
      installer = join(dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
    } catch {
      return done();
    }
    const dl = spawn(process.execPath, [installer], { stdio: 'ignore' });
    const notice = setTimeout(() => console.log('Downloading the Electron binary (first start)…'), 2000);
    const limit = setTimeout(() => dl.kill(), 180_000);
    dl.on('exit', () => {
      clearTimeout(notice);
      clearTimeout(limit);
      done();
    });
    dl.on('error', () => done());
  });
  const again = findElectronBinary();
  return again.path ? again : { path: null, reason: 'it could not be downloaded' };
}

const electron = await electronBinary();
const child = electron.path
  ? spawn(electron.path, [root, ...args], { stdio: 'inherit' })
  : (console.log(`Electron's binary is not installed here (${electron.reason}); serving Parley on loopback instead — open the URL below in your browser.`),
    spawn(process.execPath, [join(root, 'dist/main/host.js'), ...args], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
