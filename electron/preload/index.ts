/**
 * Sandboxed preload: exposes `window.posBridge` (invoke a contract method, receive pushed events).
 * Imports only electron and shared/; the renderer derives the typed `pos` API from it.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, METHOD_NAMES, type MethodName, type PosEvent, type RpcResult } from '../../shared/contract';

const allowed = new Set<string>(METHOD_NAMES);

contextBridge.exposeInMainWorld('posBridge', {
  invoke(method: MethodName, input: unknown): Promise<RpcResult<unknown>> {
    if (!allowed.has(method)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    return ipcRenderer.invoke(IPC_CHANNEL_PREFIX + method, input) as Promise<RpcResult<unknown>>;
  },
  onEvent(listener: (event: PosEvent) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, ev: PosEvent): void => listener(ev);
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
  },
});
