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
  const globs = list.filter((p) => p.startsWith('**/'));
  const names = list.filter((p) => !p.startsWith('**/'));
  return {
    'no-restricted-imports': [
      'error',
      { patterns: [{ regex: `^(${names.map(escape).join('|')})$`, message }, ...(globs.length ? [{ group: globs, message }] : [])] },
    ],
  };
};

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
      ...forbid(['electron', 'electron/*', ...nodeBuiltins, ...nodeRuntimePackages, '**/electron/**'], 'renderer/ never imports Electron, Node or main-process code: go through window.pos (shared/contract.ts).'),
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: forbid(['electron', 'electron/*', ...nodeBuiltins, ...nodeRuntimePackages, 'react', 'react-dom', '**/electron/**', '**/renderer/**'], 'shared/ imports no Node, DOM or Electron runtime.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: forbid([...nodeBuiltins, ...nodeRuntimePackages, '**/core/**', '**/main/**', '**/simulator/**', '**/renderer/**'], 'electron/preload imports only electron and shared/.'),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/simulator/**/*.ts'],
    rules: forbid(['electron', 'electron/*', '**/main/**', '**/preload/**', '**/renderer/**'], 'The core and the simulator never import Electron: they run in plain Node (web shell, tests).'),
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bench/**/*.{ts,mjs}'],
    rules: forbid(['electron'], 'Tests never import electron (it would try to download the runtime); use _electron.launch.'),
  },
);
