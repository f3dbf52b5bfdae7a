/** Registers one ipcMain handler per contract method, all through the core's router. */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, METHOD_NAMES } from '../../shared/contract';
import type { Core } from '../core/core';

export function registerIpc(core: Core, mainWindow: () => BrowserWindow | null): () => void {
  const fromAppMainFrame = (event: IpcMainInvokeEvent): boolean => {
    const win = mainWindow();
    const frame = event.senderFrame;
    return !!win && !!frame && event.sender === win.webContents && frame === win.webContents.mainFrame;
  };
  for (const m of METHOD_NAMES) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + m, async (event, input: unknown) => {
      if (!fromAppMainFrame(event)) return { ok: false, error: { code: 'FORBIDDEN', detail: 'sender is not the app window' } };
      return core.router.call(m, input);
    });
  }
  const unsubscribe = core.events.subscribe((ev) => {
    const win = mainWindow();
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, ev);
  });
  return () => {
    unsubscribe();
    for (const m of METHOD_NAMES) ipcMain.removeHandler(IPC_CHANNEL_PREFIX + m);
  };
}
