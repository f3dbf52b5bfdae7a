#!/usr/bin/env node
// `npm start`: build and launch the Electron app on the embedded simulator.
// Where the Electron runtime cannot be obtained, say so in one line and name the web shell.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
  const dir = dirname(require.resolve('electron/package.json'));
  if (!existsSync(join(dir, 'path.txt'))) {
    // electron 45 fetches its runtime on first use; try once, quietly.
    const r = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
    if (r.status !== 0) return null;
  }
  try {
    const p = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
if (!bin) {
  console.error('The Electron runtime is not available on this machine (it could not be downloaded): run `npm run start:web` to use the app in Chromium instead.');
  process.exit(1);
}
const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(bin, ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])], { stdio: 'inherit' });
process.exit(run.status ?? 0);
