/**
 * Sandboxed preload: exposes `window.posBridge` (invoke a contract method, receive pushed events).
 * Imports only electron and shared/ (bridge.ts builds the object); the renderer derives the typed `pos`
 * API from it, and its bridge type from bridge.ts's PosBridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('posBridge', createBridge(ipcRenderer));
