/** Electron shell: app lifecycle, the window, IPC over the core's router. */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import { startCore, type StartedCore } from '../core/recovery';
import { startupFailureMessage } from '../core/startup-error';
import { customerDisplayWindow, openCustomerDisplay } from './customer-display-window';
import { registerIpc } from './ipc';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { guardContents, hardenSession, registerAppScheme, serveRenderer } from './security';
import { APP_ENTRY_URL, APP_ORIGIN, appOriginFor } from './security-policy';
import { createMainWindow } from './window';

let core: StartedCore | null = null;
let win: BrowserWindow | null = null;

const appOrigin = appOriginFor(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const entryUrl = appOrigin === APP_ORIGIN ? APP_ENTRY_URL : process.env.ELECTRON_RENDERER_URL!;

if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

registerAppScheme();
guardContents(appOrigin);

app.whenReady().then(async () => {
  serveRenderer(join(__dirname, '../renderer'));
  hardenSession(appOrigin);
  const dataDir = process.env.POS_DATA_DIR ?? app.getPath('userData');
  try {
    const secretCipher = await createSafeStorageCipher(safeStorage);
    // issue 14: `--restore-from headoffice|backup|FILE` restores a lost ledger first (the error dialog names it)
    const rf = process.argv.find((x) => x.startsWith('--restore-from='))?.slice('--restore-from='.length);
    const restoreFrom = !rf ? undefined : rf === 'headoffice' || rf === 'backup' ? rf : { file: rf };
    // a lost ledger opens the app on its restore screen (the person chooses head office or backup)
    core = await startCore({ dataDir, shell: 'electron', version: app.getVersion(), secretCipher: secretCipher ?? undefined, backupDir: `${dataDir}-backups`, ...(restoreFrom ? { restoreFrom } : {}) });
  } catch (e) {
    dialog.showErrorBox('QR POS', startupFailureMessage(e, dataDir));
    app.exit(1);
    return;
  }
  const c = core;
  registerIpc(c, () => win, appOrigin, customerDisplayWindow);
  const open = (): void => {
    const w = createMainWindow(entryUrl);
    w.on('closed', () => {
      if (win === w) win = null;
    });
    win = w;
    openCustomerDisplay(w, entryUrl);
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
}, (e: unknown) => console.error(e));

app.on('window-all-closed', () => app.quit());
let quitting = false;
app.on('will-quit', (event) => {
  if (quitting || !core) return;
  event.preventDefault();
  quitting = true;
  void core.close().finally(() => app.quit());
});
