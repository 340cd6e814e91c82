import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import parley from './eslint-rules/renderer-layers.js';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // The engine is pure Node: it must run under the plain-Node host and in tests.
    files: ['electron/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['electron/*'] }] },
  },
  {
    // The engine's front door: outside electron/engine/, import the engine from its index only.
    files: ['electron/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['electron/engine/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)engine/.+', message: 'Import the routing engine from electron/engine (its index), not its internals.' }],
      }],
    },
  },
  {
    // The renderer talks to main only through the typed bridge.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron', 'ws'], patterns: ['**/electron/**'] }] },
  },
  {
    // The renderer's layers (docs/architecture.md): storage (history/db) and the bridge at the bottom, the common
    // layer (stores, model list, ledger access, formatting) on them, the feature areas on that, never on each
    // other; app/ composes them all.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { parley },
    rules: {
      'parley/renderer-layers': ['error', {
        root: 'renderer',
        layers: {
          'history/db': [],
          bridge: [],
          common: ['history/db', 'bridge'],
          chat: ['common', 'history/db', 'bridge'],
          history: ['common', 'history/db', 'bridge'],
          money: ['common', 'history/db', 'bridge'],
          // assistants start rooms and travel as files: above chat and history, filling slots in the room
          assistants: ['chat', 'history', 'common', 'history/db', 'bridge'],
        },
      }],
    },
  },
  {
    // Node tests share a module cache between files (vitest.config.ts, project 'node'): a mocked module would leak
    // into other files, or a module already loaded would not be mocked. Such a test goes in MOCKS_MODULES there.
    files: ['test/**/*.ts'],
    ignores: ['test/renderer/**', 'test/e2e/**', 'test/electron/fs/disk-full.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.object.name='vi'][callee.property.name=/^(mock|doMock|unmock|doUnmock|resetModules)$/]",
        message: "Node tests share their module cache (vitest.config.ts): list a file that mocks modules in MOCKS_MODULES there and in this rule's ignores.",
      }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
