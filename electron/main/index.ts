/** Electron shell: app lifecycle, the window, IPC over the core's router. */
import { app, BrowserWindow, dialog } from 'electron';
import { createCore, type Core } from '../core/core';
import { customerDisplayWindow, openCustomerDisplay } from './customer-display-window';
import { registerIpc } from './ipc';
import { guardContents, hardenSession } from './security';
import { createMainWindow } from './window';

let core: Core | null = null;
let win: BrowserWindow | null = null;

const appOrigin = process.env.ELECTRON_RENDERER_URL ? new URL(process.env.ELECTRON_RENDERER_URL).origin : 'file://';

if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

guardContents(appOrigin);

app.whenReady().then(async () => {
  hardenSession(appOrigin);
  const dataDir = process.env.POS_DATA_DIR ?? app.getPath('userData');
  try {
    core = await createCore({ dataDir, shell: 'electron', version: app.getVersion() });
  } catch (e) {
    dialog.showErrorBox('QR POS', `데이터 폴더를 열 수 없습니다 / Cannot open the data folder:\n${dataDir}\n\n${e instanceof Error ? e.message : String(e)}`);
    app.exit(1);
    return;
  }
  const c = core;
  registerIpc(c, () => win, customerDisplayWindow);
  win = createMainWindow();
  openCustomerDisplay(win);
  win.on('closed', () => (win = null));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createMainWindow();
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
