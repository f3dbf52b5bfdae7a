/**
 * `npm run start:web`: the core plus the web shell, for any Chromium.
 *   --data-dir DIR   ledger folder (default ./.data/web)
 *   --port N         loopback port (default 0 = random)
 *   --backup-dir DIR ledger backups (default <data-dir>-backups)
 *   --restore-from headoffice | backup | FILE   restore a lost ledger first (see docs/headoffice.md)
 * Prints the app URL (with its per-launch token) and a JSON line for scripts.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { startCore, type StartedCore } from './recovery';
import { DataDirLockedError, lockDataDir, type DataDirLock } from './data-dir-lock';
import { startupFailureMessage } from './startup-error';
import { startWebShell } from './web-shell';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string', default: '.data/web' }, port: { type: 'string', default: '0' }, 'renderer-dir': { type: 'string', default: 'out/renderer' }, 'restore-from': { type: 'string' }, 'backup-dir': { type: 'string' } },
  });
  const root = resolve(__dirname, '../..');
  const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
  const dataDir = resolve(values['data-dir']);
  let lock: DataDirLock;
  try {
    lock = lockDataDir(dataDir);
  } catch (e) {
    console.error(`QR POS web shell failed to start: ${e instanceof DataDirLockedError ? e.message : startupFailureMessage(e, dataDir)}`);
    process.exit(1);
  }
  let core: StartedCore;
  try {
    const rf = values['restore-from'];
    const restoreFrom = rf === undefined ? undefined : rf === 'headoffice' || rf === 'backup' ? rf : { file: resolve(rf) };
    // a lost ledger does not stop the shell: the app shows what is wrong and offers the restores (recovery.ts)
    core = await startCore({ dataDir, shell: 'web', version, backupDir: resolve(values['backup-dir'] ?? `${dataDir}-backups`), ...(restoreFrom ? { restoreFrom } : {}) });
  } catch (e) {
    lock.release();
    console.error(`QR POS web shell failed to start:\n${startupFailureMessage(e, dataDir)}`);
    process.exit(1);
  }
  const shell = await startWebShell({ router: core.router, events: core.events, rendererDir: resolve(root, values['renderer-dir']), port: Number(values.port) });
  console.log(`QR POS web shell: open ${shell.appUrl}`);
  console.log(JSON.stringify({ event: 'listening', url: shell.url, appUrl: shell.appUrl }));
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    void shell
      .close()
      .then(() => core.close())
      .then(() => console.log(JSON.stringify({ event: 'stopped' })))
      .finally(() => {
        lock.release();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`QR POS web shell failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
