import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

// One config, three builds (see `npm run build`):
//   --mode renderer  React app            → dist/renderer (served by app://parley and by the host)
//   --mode main      Electron main + host → dist/main (Node ESM; dependencies stay in node_modules)
//   --mode preload   sandboxed preload    → dist/preload/preload.cjs (CommonJS, imports only electron)
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const define = { __PARLEY_VERSION__: JSON.stringify(pkg.version) };
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const configs: Record<string, UserConfig> = {
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react()],
    define,
    build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome120', sourcemap: true },
  },
  main: {
    define,
    build: {
      ssr: true,
      outDir: 'dist/main',
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      rollupOptions: {
        input: { main: 'electron/main.ts', host: 'electron/host/cli.ts' },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'dist/preload',
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      lib: { entry: 'electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
      rollupOptions: { external: ['electron', ...nodeBuiltins] },
    },
  },
};

export default defineConfig(({ mode }) => {
  const config = configs[mode];
  if (!config) throw new Error(`vite.config.ts: unknown mode "${mode}" (use renderer, main or preload)`);
  return config;
});
