/** Registers one ipcMain handler per contract method, all through the core's router. */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { DISPLAY_WINDOW_EVENTS, DISPLAY_WINDOW_METHODS, IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, METHOD_NAMES } from '../../shared/contract';
import type { Core } from '../core/core';
import { isAppUrl, isTrustedIpcSender } from './security-policy';

export function registerIpc(core: Pick<Core, 'router' | 'events'>, mainWindow: () => BrowserWindow | null, appOrigin: string, displayWindow: () => BrowserWindow | null = () => null): () => void {
  // Checklist point 17: the sender must be the app window's main frame, on the app's own origin.
  const fromAppMainFrame = (event: IpcMainInvokeEvent): boolean => {
    const win = mainWindow();
    const frame = event.senderFrame;
    const isAppMainFrame = !!win && !win.isDestroyed() && !!frame && event.sender === win.webContents && frame === win.webContents.mainFrame;
    return isTrustedIpcSender({ frameUrl: frame?.url, isAppMainFrame }, appOrigin);
  };
  // The customer display window (customer-display-window.ts), same frame and origin check: only its read-only methods.
  const fromDisplayFrame = (event: IpcMainInvokeEvent): boolean => {
    const win = displayWindow();
    const frame = event.senderFrame;
    const isDisplayMainFrame = !!win && !win.isDestroyed() && !!frame && event.sender === win.webContents && frame === win.webContents.mainFrame;
    return isTrustedIpcSender({ frameUrl: frame?.url, isAppMainFrame: isDisplayMainFrame }, appOrigin);
  };
  for (const m of METHOD_NAMES) {
    const displayMayCall = DISPLAY_WINDOW_METHODS.includes(m);
    ipcMain.handle(IPC_CHANNEL_PREFIX + m, async (event, input: unknown) => {
      if (!fromAppMainFrame(event) && !(displayMayCall && fromDisplayFrame(event))) return { ok: false, error: { code: 'FORBIDDEN', detail: 'sender is not the app window' } };
      return core.router.call(m, input);
    });
  }
  const unsubscribe = core.events.subscribe((ev) => {
    const win = mainWindow();
    // pushed events go only to the app windows while they show the app; the display gets only its own
    if (win && !win.isDestroyed() && isAppUrl(win.webContents.getURL(), appOrigin)) win.webContents.send(IPC_EVENT_CHANNEL, ev);
    const display = displayWindow();
    if (display && !display.isDestroyed() && DISPLAY_WINDOW_EVENTS.includes(ev.name) && isAppUrl(display.webContents.getURL(), appOrigin)) display.webContents.send(IPC_EVENT_CHANNEL, ev);
  });
  return () => {
    unsubscribe();
    for (const m of METHOD_NAMES) ipcMain.removeHandler(IPC_CHANNEL_PREFIX + m);
  };
}
