/**
 * The object the preload exposes as `window.posBridge`, built over ipcRenderer (passed in, so this file
 * imports no electron runtime). The renderer derives its bridge type from it (`PosBridge`), type-only:
 * the bridge is declared once, here.
 */
import { IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL, METHOD_NAMES, type MethodName, type PosEvent, type RpcResult } from '../../shared/contract';

/** The part of ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: BridgeIpc) {
  const allowed = new Set<string>(METHOD_NAMES);
  return {
    invoke(method: MethodName, input: unknown): Promise<RpcResult<unknown>> {
      if (!allowed.has(method)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      return ipc.invoke(IPC_CHANNEL_PREFIX + method, input) as Promise<RpcResult<unknown>>;
    },
    onEvent(listener: (event: PosEvent) => void): () => void {
      const wrapped = (_e: unknown, ev: unknown): void => listener(ev as PosEvent);
      ipc.on(IPC_EVENT_CHANNEL, wrapped);
      return () => void ipc.removeListener(IPC_EVENT_CHANNEL, wrapped);
    },
  };
}

/** What `window.posBridge` is: derived from the object above, never re-declared. */
export type PosBridge = ReturnType<typeof createBridge>;
