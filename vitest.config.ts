import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** Node tests that mock a module (vi.mock), so need a module cache of their own: see the 'node' project. The same
 * list is in eslint.config.js, which refuses vi.mock in any other Node test. */
const MOCKS_MODULES = ['test/electron/fs/disk-full.test.ts'];

/** Bundles the fake stdio MCP server once per run for the tests that start it (test/fakes/mcp/stdio-command.ts). */
const BUNDLE_MCP_FAKE = 'test/fakes/mcp/bundle-stdio-server.ts';

export default defineConfig({
  test: {
    // vitest's default keeps a core for its own process: on a 2-core machine that is one worker for every file,
    // while that process sits mostly idle once the files are transformed. The e2e project still runs one file at
    // a time (fileParallelism: false).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**', 'test/e2e/**', ...MOCKS_MODULES],
          globalSetup: [BUNDLE_MCP_FAKE],
          // The files of a worker share one module cache: engine, catalogs and fixtures load once per worker, not
          // once per file (more than half the project's CPU). A file that replaces a module (vi.mock) cannot share
          // it: it goes in MOCKS_MODULES (eslint refuses vi.mock elsewhere). Spies, stubbed env and globals are
          // put back after every test, so none reaches the next file.
          isolate: false,
          restoreMocks: true,
          unstubEnvs: true,
          unstubGlobals: true,
          // Generous: a test asserts behaviour, never speed, and CI machines can be slow and busy.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'node-isolated',
          environment: 'node',
          include: MOCKS_MODULES,
          testTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          globalSetup: [BUNDLE_MCP_FAKE],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/support/shared-chromium.ts'],
          // expect.poll gives up after 1 s by default: too soon for a page on a busy machine (a record that joins
          // an open dialog arrived later than that while typecheck and lint ran beside the e2e files)
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // One file after another in one worker: they share its module cache (playwright-core, the host and the
          // engine load once, not once per file: a second or more each). Each file starts and closes its own host.
          isolate: false,
        },
      },
    ],
  },
});
