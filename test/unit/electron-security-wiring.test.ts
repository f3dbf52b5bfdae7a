/**
 * electron/main/security.ts and ipc.ts wire the pure policy to Electron: drive the handlers they
 * register on a recording fake of 'electron' (the real module is never loaded in tests).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Fn = (...args: never[]) => unknown;
const h = vi.hoisted(() => ({
  app: new Map<string, Fn>(),
  session: {} as Record<string, Fn>,
  schemes: [] as unknown[],
  protocols: new Map<string, Fn>(),
  ipc: new Map<string, Fn>(),
  opened: [] as string[],
}));
vi.mock('electron', () => ({
  app: { on: (name: string, fn: Fn) => h.app.set(name, fn) },
  protocol: {
    registerSchemesAsPrivileged: (s: unknown[]) => h.schemes.push(...s),
    handle: (scheme: string, fn: Fn) => h.protocols.set(scheme, fn),
  },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (fn: Fn) => (h.session.headers = fn) },
      setPermissionRequestHandler: (fn: Fn) => (h.session.request = fn),
      setPermissionCheckHandler: (fn: Fn) => (h.session.check = fn),
      setDevicePermissionHandler: (fn: Fn) => (h.session.device = fn),
      on: (name: string, fn: Fn) => (h.session[name] = fn),
    },
  },
  shell: { openExternal: async (url: string) => void h.opened.push(url) },
  ipcMain: { handle: (ch: string, fn: Fn) => h.ipc.set(ch, fn), removeHandler: (ch: string) => h.ipc.delete(ch) },
}));

import { CSP } from '../../electron/core/csp';
import type { Core } from '../../electron/core/core';
import { registerIpc } from '../../electron/main/ipc';
import { guardContents, hardenSession, openExternalSafely, registerAppScheme, serveRenderer } from '../../electron/main/security';
import { APP_ORIGIN } from '../../electron/main/security-policy';

/* eslint-disable @typescript-eslint/no-explicit-any -- fakes of Electron objects */
const call = (fn: Fn | undefined, ...args: unknown[]): any => (fn as (...a: unknown[]) => unknown)(...args);

describe('session hardening', () => {
  hardenSession(APP_ORIGIN);
  const ask = (permission: string, details: Record<string, unknown>): boolean => {
    let granted: boolean | undefined;
    call(h.session.request, { getURL: () => 'app://pos/index.html' }, permission, (g: boolean) => (granted = g), { isMainFrame: true, ...details });
    return granted!;
  };
  it('camera yes, microphone and everything else no', () => {
    expect(ask('media', { mediaTypes: ['video'], requestingUrl: 'app://pos/index.html' })).toBe(true);
    expect(ask('media', { mediaTypes: ['audio'], requestingUrl: 'app://pos/index.html' })).toBe(false);
    expect(ask('media', { mediaTypes: ['video'], requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(ask('notifications', { requestingUrl: 'app://pos/index.html' })).toBe(false);
    expect(ask('geolocation', { requestingUrl: 'app://pos/index.html' })).toBe(false);
  });
  it('permission checks and device permissions', () => {
    expect(call(h.session.check, null, 'media', 'app://pos', { mediaType: 'video', isMainFrame: true })).toBe(true);
    expect(call(h.session.check, null, 'media', 'app://pos', { mediaType: 'audio', isMainFrame: true })).toBe(false);
    expect(call(h.session.check, null, 'notifications', 'app://pos', { isMainFrame: true })).toBe(false);
    expect(call(h.session.device, { deviceType: 'hid', origin: 'app://pos' })).toBe(false);
  });
  it('the CSP header goes on every response', () => {
    let out: any;
    call(h.session.headers, { responseHeaders: { 'X-Other': ['1'] } }, (r: unknown) => (out = r));
    expect(out.responseHeaders['Content-Security-Policy']).toEqual([CSP]);
    expect(out.responseHeaders['X-Other']).toEqual(['1']);
  });
  it("downloads: the app's own CSV blob gets a save dialog, anything else is cancelled", () => {
    const download = (url: string) => {
      const ev = { prevented: false, preventDefault() { this.prevented = true; } };
      const item = { getURL: () => url, getFilename: () => 'QR결제내역_2026-12-01.csv', setSaveDialogOptions: vi.fn() };
      call(h.session['will-download'], ev, item);
      return { prevented: ev.prevented, dialog: item.setSaveDialogOptions.mock.calls[0]?.[0] as { filters: unknown } | undefined };
    };
    const csv = download('blob:app://pos/5d3c0f0e-0c1b-4c57-9d53-3f0f6b1c2a11');
    expect(csv.prevented).toBe(false);
    expect(csv.dialog?.filters).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
    for (const url of ['https://evil.example/x.exe', 'blob:https://evil.example/1', 'file:///etc/passwd', 'app://pos/index.html']) {
      expect(download(url).prevented, url).toBe(true);
    }
  });
});

describe('app:// scheme', () => {
  it('is registered privileged (standard, secure) and served by the traversal-safe handler', async () => {
    registerAppScheme();
    expect(h.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    serveRenderer(join(process.cwd(), 'renderer'));
    const handler = h.protocols.get('app');
    expect((await call(handler, new Request('app://pos/..%2fpackage.json'))).status).toBe(404);
    expect((await call(handler, new Request('app://pos/index.html'))).status).toBe(200);
  });
});

describe('web contents guards', () => {
  const on = new Map<string, Fn>();
  let openHandler: Fn | undefined;
  guardContents(APP_ORIGIN);
  call(h.app.get('web-contents-created'), {}, { on: (n: string, fn: Fn) => on.set(n, fn), setWindowOpenHandler: (fn: Fn) => (openHandler = fn) });
  const prevented = (name: string, ...args: unknown[]): boolean => {
    let p = false;
    const event = { preventDefault: () => (p = true), url: args[0] };
    call(on.get(name), event, ...args);
    return p;
  };
  beforeEach(() => (h.opened.length = 0));

  it('navigation away from the app is prevented (will-navigate, will-redirect, will-frame-navigate)', () => {
    for (const ev of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(prevented(ev, 'https://evil.example/'), ev).toBe(true);
      expect(prevented(ev, 'file:///etc/passwd'), ev).toBe(true);
      expect(prevented(ev, 'app://pos/index.html'), ev).toBe(false);
    }
  });
  it('webviews are never attached', () => {
    expect(prevented('will-attach-webview', {}, {})).toBe(true);
  });
  it('new windows are denied and nothing is opened externally', () => {
    expect(call(openHandler, { url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(call(openHandler, { url: 'app://pos/index.html' })).toEqual({ action: 'deny' });
    expect(h.opened).toEqual([]);
  });
  it('openExternalSafely passes only allow-listed https URLs to shell.openExternal', () => {
    expect(openExternalSafely('ONEQPAY:1:demo:token')).toBe(false);
    expect(openExternalSafely('https://evil.example/')).toBe(false);
    expect(openExternalSafely('https://help.qrpos.example/manual', ['https://help.qrpos.example/manual'])).toBe(true);
    expect(h.opened).toEqual(['https://help.qrpos.example/manual']);
  });
});

describe('IPC sender validation', () => {
  const mainFrame = { url: 'app://pos/index.html' };
  const webContents = { mainFrame, send: vi.fn(), getURL: () => mainFrame.url };
  const win = { webContents, isDestroyed: () => false };
  const routerCall = vi.fn(async () => ({ ok: true, value: 'ok' }));
  let pushEvent: ((ev: unknown) => void) | undefined;
  const core = { router: { call: routerCall }, events: { subscribe: (fn: (ev: unknown) => void) => ((pushEvent = fn), () => undefined) } } as unknown as Core;
  beforeAll(() => void registerIpc(core, () => win as never, APP_ORIGIN));
  const invoke = (event: unknown) => call(h.ipc.get('pos:getAppInfo'), event, {});

  it('answers the app window main frame', async () => {
    expect(await invoke({ sender: webContents, senderFrame: mainFrame })).toEqual({ ok: true, value: 'ok' });
    expect(routerCall).toHaveBeenCalledWith('getAppInfo', {});
  });
  it('refuses sub-frames, other windows, foreign origins and vanished frames', async () => {
    routerCall.mockClear();
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', detail: 'sender is not the app window' } };
    expect(await invoke({ sender: webContents, senderFrame: { url: 'app://pos/index.html' } })).toEqual(forbidden);
    expect(await invoke({ sender: { mainFrame }, senderFrame: mainFrame })).toEqual(forbidden);
    expect(await invoke({ sender: webContents, senderFrame: null })).toEqual(forbidden);
    mainFrame.url = 'https://evil.example/';
    expect(await invoke({ sender: webContents, senderFrame: mainFrame })).toEqual(forbidden);
    expect(routerCall).not.toHaveBeenCalled();
  });
  it('pushes events only while the window shows the app', () => {
    mainFrame.url = 'https://evil.example/';
    pushEvent?.({ name: 'payment.updated', payload: {} });
    expect(webContents.send).not.toHaveBeenCalled();
    mainFrame.url = 'app://pos/index.html';
    pushEvent?.({ name: 'payment.updated', payload: {} });
    expect(webContents.send).toHaveBeenCalledTimes(1);
  });
});

describe('IPC from the customer display window', () => {
  const mainFrame = { url: 'app://pos/index.html' };
  const main = { webContents: { mainFrame, send: vi.fn(), getURL: () => mainFrame.url }, isDestroyed: () => false };
  const displayFrame = { url: 'app://pos/index.html#/display' };
  const displayContents = { mainFrame: displayFrame, send: vi.fn(), getURL: () => displayFrame.url };
  const display = { webContents: displayContents, isDestroyed: () => false };
  const routerCall = vi.fn(async () => ({ ok: true, value: 'ok' }));
  let pushEvent: ((ev: unknown) => void) | undefined;
  const core = { router: { call: routerCall }, events: { subscribe: (fn: (ev: unknown) => void) => ((pushEvent = fn), () => undefined) } } as unknown as Core;
  beforeAll(() => void registerIpc(core, () => main as never, APP_ORIGIN, () => display as never));
  const fromDisplay = { sender: displayContents, senderFrame: displayFrame };

  it('may read the display state and nothing else', async () => {
    expect(await call(h.ipc.get('pos:getDisplayState'), fromDisplay, {})).toEqual({ ok: true, value: 'ok' });
    routerCall.mockClear();
    for (const m of ['checkout', 'refundPayment', 'getSettings', 'setCredentials', 'setDisplayState', 'listPayments']) {
      expect(await call(h.ipc.get(`pos:${m}`), fromDisplay, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(routerCall).not.toHaveBeenCalled();
  });
  it('gets display.state events only, and only while it shows the app', () => {
    pushEvent?.({ name: 'payment.updated', payload: {} });
    expect(displayContents.send).not.toHaveBeenCalled();
    pushEvent?.({ name: 'display.state', payload: {} });
    expect(displayContents.send).toHaveBeenCalledTimes(1);
    displayFrame.url = 'https://evil.example/';
    pushEvent?.({ name: 'display.state', payload: {} });
    expect(displayContents.send).toHaveBeenCalledTimes(1);
  });
});

describe('shell.openExternal call sites', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
    });
  it('the only one is openExternalSafely, behind the allow-list', () => {
    const sites = [...files('electron'), ...files('renderer/src'), ...files('shared')].flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ f, i, line }))
        .filter(({ line }) => /openExternal\s*\(/.test(line) && !/openExternalSafely/.test(line)),
    );
    expect(sites.map(({ f, line }) => `${f.replace(/\\/g, '/')}: ${line.trim()}`)).toEqual(['electron/main/security.ts: void shell.openExternal(allowed);']);
  });
});
