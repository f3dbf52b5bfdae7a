/**
 * Checklist point 20: the preload exposes no Electron API to the page — only `posBridge.invoke`
 * for contract methods and `posBridge.onEvent` whose listener gets the payload, never the
 * IpcRendererEvent (which would lead back to ipcRenderer). 'electron' is a recording fake here.
 */
import { describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown, payload: unknown) => void;
const h = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoked: [] as Array<[string, unknown]>, listeners: new Map<string, Set<Listener>>() }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => h.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => (h.invoked.push([channel, input]), { ok: true, value: channel }),
    on: (channel: string, fn: Listener) => (h.listeners.get(channel) ?? h.listeners.set(channel, new Set()).get(channel)!).add(fn),
    removeListener: (channel: string, fn: Listener) => h.listeners.get(channel)?.delete(fn),
  },
}));

await import('../../electron/preload/index');

interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (...args: unknown[]) => void): () => void;
}
const bridge = h.exposed.get('posBridge') as Bridge;

describe('preload bridge', () => {
  it('exposes one object with exactly invoke and onEvent', () => {
    expect([...h.exposed.keys()]).toEqual(['posBridge']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
  });
  it('invokes contract methods on their pos: channel only', async () => {
    expect(await bridge.invoke('getAppInfo', {})).toEqual({ ok: true, value: 'pos:getAppInfo' });
    expect(await bridge.invoke('../../evil', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await bridge.invoke('event', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(h.invoked).toEqual([['pos:getAppInfo', {}]]);
  });
  it('onEvent hands the listener the payload alone, and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = bridge.onEvent((...args) => got.push(args));
    const fakeEvent = { sender: { send: () => 'ipcRenderer would leak here' } };
    for (const fn of h.listeners.get('pos:event') ?? []) fn(fakeEvent, { name: 'scan.received', payload: { text: 'x' } });
    expect(got).toEqual([[{ name: 'scan.received', payload: { text: 'x' } }]]);
    off();
    expect(h.listeners.get('pos:event')?.size).toBe(0);
  });
});
