// ESLint flat config with the boundary rules of design.md §3.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'url', 'util', 'stream', 'events', 'worker_threads', 'zlib', 'buffer', 'tls', 'dgram', 'dns', 'module', 'process', 'readline', 'timers', 'v8', 'vm'];
const nodeRuntimePackages = ['better-sqlite3', 'serialport', '@serialport/*', 'fastify', '@fastify/*', 'axios', 'node-thermal-printer', 'iconv-lite'];
// Module names are matched exactly (regex), so "electron" does not catch "../electron/core/…"; paths with "**" are globs.
const escape = (s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
const forbid = (list, message) => {
  const isGlob = (p) => p.startsWith('**/') || p.startsWith('!**/'); // "!…" re-allows a path a glob before it forbids
  const globs = list.filter(isGlob);
  const names = list.filter((p) => !isGlob(p));
  return {
    'no-restricted-imports': [
      'error',
      { patterns: [{ regex: `^(${names.map(escape).join('|')})$`, message }, ...(globs.length ? [{ group: globs, message }] : [])] },
    ],
  };
};

// Electron loaded any other way than a static import: import('electron'), require('electron'), import x = require('electron').
const ELECTRON = '/^electron(\\u002F.*)?$/';
const noElectronAtRuntime = (message) => ({
  'no-restricted-syntax': [
    'error',
    { selector: `ImportExpression[source.value=${ELECTRON}]`, message },
    { selector: `CallExpression[callee.name='require'][arguments.0.value=${ELECTRON}]`, message },
    { selector: `CallExpression[callee.object.name='module'][callee.property.name='require'][arguments.0.value=${ELECTRON}]`, message },
    { selector: `TSExternalModuleReference[expression.value=${ELECTRON}]`, message },
  ],
});
// Node globals are no runtime of shared/ (it also runs in the renderer): typescript-eslint turns no-undef off, so name them.
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'exports', 'setImmediate', 'clearImmediate'];
const noNodeGlobals = (message) => ({
  'no-restricted-globals': ['error', ...NODE_GLOBALS.map((name) => ({ name, message }))],
  'no-restricted-properties': ['error', ...NODE_GLOBALS.map((property) => ({ object: 'globalThis', property, message }))],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'headoffice/dashboard/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(['electron', 'electron/*', ...nodeBuiltins, ...nodeRuntimePackages, '**/electron/core/**', '**/electron/main/**', '**/electron/simulator/**', '**/electron/preload/**', '!**/electron/preload/bridge', '**/bench/**', '**/test/**'], 'renderer/ never imports Electron, Node, main-process code, benchmarks or tests: go through window.pos (shared/contract.ts).'),
      // The one exception: the bridge's type, derived from the preload's object (import type only).
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/preload/bridge'], allowTypeImports: true, message: 'renderer/ takes only the PosBridge type from the preload (import type).' }] }],
      ...noElectronAtRuntime('renderer/ never loads Electron: go through window.pos (shared/contract.ts).'),
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...forbid(['electron', 'electron/*', ...nodeBuiltins, ...nodeRuntimePackages, 'react', 'react-dom', '**/electron/**', '**/renderer/**'], 'shared/ imports no Node, DOM or Electron runtime.'),
      ...noElectronAtRuntime('shared/ imports no Electron runtime.'),
      ...noNodeGlobals('shared/ uses no Node globals (it runs in the renderer too).'),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: forbid([...nodeBuiltins, ...nodeRuntimePackages, '**/core/**', '**/main/**', '**/simulator/**', '**/renderer/**'], 'electron/preload imports only electron and shared/.'),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/simulator/**/*.ts'],
    rules: {
      ...forbid(['electron', 'electron/*', '**/main/**', '**/preload/**', '**/renderer/**'], 'The core and the simulator never import Electron: they run in plain Node (web shell, tests).'),
      ...noElectronAtRuntime('The core and the simulator never load Electron (import(), require()): they run in plain Node (web shell, tests).'),
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bench/**/*.{ts,mjs}'],
    rules: forbid(['electron'], 'Tests never import electron (it would try to download the runtime); use _electron.launch.'),
  },
);
