/**
 * The customer display: a second BrowserWindow, full screen on the second screen when there is one
 * (screen.getAllDisplays()), showing the renderer's "#/display" route. Same hardened webPreferences and
 * preload as the main window (window.ts); ipc.ts lets it call only DISPLAY_WINDOW_METHODS and sends it
 * only DISPLAY_WINDOW_EVENTS. POS_CUSTOMER_DISPLAY=1 opens it as a window on a single screen (testing);
 * =0 never opens it. It follows screens being plugged in and out, and closes with the main window.
 */
import { join } from 'node:path';
import { BrowserWindow, screen, type Display } from 'electron';

let displayWin: BrowserWindow | null = null;

/** The customer display window, for the IPC sender check and event forwarding (null when there is none). */
export function customerDisplayWindow(): BrowserWindow | null {
  return displayWin && !displayWin.isDestroyed() ? displayWin : null;
}

function secondScreen(): Display | null {
  const primary = screen.getPrimaryDisplay();
  return screen.getAllDisplays().find((d) => d.id !== primary.id) ?? null;
}

function open(target: Display | null, entryUrl: string): void {
  if (customerDisplayWindow()) return;
  const area = (target ?? screen.getPrimaryDisplay()).workArea;
  const win = new BrowserWindow({
    x: area.x,
    y: area.y,
    width: target ? area.width : 1024,
    height: target ? area.height : 640,
    fullscreen: target !== null,
    autoHideMenuBar: true,
    title: '고객 화면 · Customer display',
    show: false,
    backgroundColor: '#0f2a44',
    // the same hardened preferences as the main window (window.ts)
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      enableWebSQL: false,
      plugins: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.showInactive()); // the cashier's window keeps the keyboard
  win.on('closed', () => {
    if (displayWin === win) displayWin = null;
  });
  void win.loadURL(`${entryUrl}#/display`);
  displayWin = win;
}

/** Opens the customer display if a second screen is there (or POS_CUSTOMER_DISPLAY=1), and keeps following the screens. */
/** entryUrl: the main window's (app://pos/index.html, or the dev server). */
export function openCustomerDisplay(mainWindow: BrowserWindow, entryUrl: string): void {
  const mode = process.env.POS_CUSTOMER_DISPLAY;
  if (mode === '0') return;
  const sync = () => {
    const target = secondScreen();
    if (target || mode === '1') open(target, entryUrl);
    else customerDisplayWindow()?.close();
  };
  sync();
  screen.on('display-added', sync);
  screen.on('display-removed', sync);
  mainWindow.once('closed', () => {
    screen.off('display-added', sync);
    screen.off('display-removed', sync);
    customerDisplayWindow()?.close();
  });
}
