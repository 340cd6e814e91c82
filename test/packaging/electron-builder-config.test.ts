import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
// electron-builder's own loader, schema check and file matcher: what `npm run dist` does with electron-builder.yml.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; version: string };
const config = await getConfig(root, null, null);

/** Would electron-builder put this repository path into the app? */
function packs(path: string): boolean {
  const options = { macroExpander: (p: string) => p, customBuildOptions: {}, globalOutDir: join(root, 'release'), defaultSrc: root };
  const [matcher] = getFileMatchers(config, 'files', 'app', options)!;
  return matcher!.createFilter()(join(root, path), { isDirectory: () => false } as never);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : [join(dir, e.name).split(sep).join('/')],
  );
}

describe('electron-builder.yml (`npm run dist`)', () => {
  // electron-builder compiles its whole JSON schema first: seconds on a busy machine.
  it('is a configuration electron-builder accepts', { timeout: 60_000 }, async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined } as never)).resolves.toBeUndefined();
  });

  it('builds Parley with a fixed app id for each desktop platform into release/', () => {
    expect(config.appId).toBe('app.parley.desktop');
    expect(config.productName).toBe('Parley');
    expect(config.directories?.output).toBe('release');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.asar).toBe(true);
    expect(config.extraMetadata?.main).toBe(pkg.main);
  });

  it('packs the built app and package.json, without source maps, sources or tests', () => {
    for (const built of [pkg.main, 'dist/main/host.js', 'dist/main/chunks/create-backend-abc123.js', 'dist/preload/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc123.js', 'dist/renderer/assets/KaTeX_Main-Regular-abc.woff2', 'package.json']) {
      expect(packs(built), built).toBe(true);
    }
    for (const map of ['dist/main/main.js.map', 'dist/main/chunks/create-backend-abc123.js.map', 'dist/renderer/assets/index-abc123.js.map']) {
      expect(packs(map), map).toBe(false);
    }
    const unpacked = ['electron', 'renderer', 'shared', 'test', 'scripts', 'bench', 'docs'].flatMap(sourceFiles);
    expect(unpacked.length).toBeGreaterThan(100);
    expect(unpacked.filter(packs)).toEqual([]);
    for (const file of ['electron-builder.yml', 'vite.config.ts', 'tsconfig.json', 'README.md', 'package-lock.json']) expect(packs(file), file).toBe(false);
  });

  it('flips the Electron fuses that would let someone run the packaged app as Node or attach a debugger', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
    // onlyLoadAppFromAsar and the integrity check need the app in an asar archive.
    expect(config.asar).toBe(true);
  });
});
