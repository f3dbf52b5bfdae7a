/**
 * The app window's webPreferences, as electron/main/window.ts really passes them to BrowserWindow
 * ('electron' is replaced by a recording fake: the real module is never loaded in tests).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ options: [] as Array<Record<string, unknown>>, loaded: [] as string[] }));
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(o: Record<string, unknown>) {
      h.options.push(o);
    }
    once(): void {}
    on(): void {}
    show(): void {}
    isDestroyed(): boolean {
      return false;
    }
    loadURL(url: string): Promise<void> {
      h.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(): Promise<void> {
      throw new Error('loadFile: the renderer is served over app://, never file://');
    }
  },
  screen: {
    getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    getAllDisplays: () => [
      { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } },
      { id: 2, workArea: { x: 1920, y: 0, width: 1024, height: 768 } },
    ],
    on: () => undefined,
    off: () => undefined,
  },
}));

import { openCustomerDisplay } from '../../electron/main/customer-display-window';
import { createMainWindow } from '../../electron/main/window';
import { APP_ENTRY_URL } from '../../electron/main/security-policy';

describe('main window', () => {
  createMainWindow(APP_ENTRY_URL);
  const prefs = (h.options[0]?.webPreferences ?? {}) as Record<string, unknown>;

  it('is hardened: context isolation, sandbox, no Node, web security on', () => {
    expect(prefs).toMatchObject({
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
    });
  });
  it('enables no Blink features, passes no extra arguments, uses the default session', () => {
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session']) expect(prefs, key).not.toHaveProperty(key);
  });
  it('preloads only the bundled sandboxed preload', () => {
    expect(String(prefs.preload).replace(/\\/g, '/')).toMatch(/\/preload\/index\.js$/);
  });
  it('loads the app over app://, not file://', () => {
    expect(h.loaded).toEqual(['app://pos/index.html']);
    expect(readFileSync('electron/main/window.ts', 'utf8')).not.toMatch(/loadFile|file:\/\//);
  });
  it('the real electron module was never loaded', () => {
    const cache = createRequire(import.meta.url).cache;
    expect(Object.keys(cache).filter((k) => /node_modules[\\/]electron[\\/]index\.js$/.test(k))).toEqual([]);
  });
});

describe('customer display window', () => {
  it('has exactly the main window preferences and shows the #/display route of the app, on the second screen', () => {
    const main = createMainWindow(APP_ENTRY_URL);
    const before = h.options.length;
    openCustomerDisplay(main, APP_ENTRY_URL);
    expect(h.options.length).toBe(before + 1);
    const [mainOpts, displayOpts] = [h.options[0]!, h.options[before]!];
    expect(displayOpts.webPreferences).toEqual(mainOpts.webPreferences);
    expect(displayOpts).toMatchObject({ x: 1920, y: 0, fullscreen: true });
    expect(h.loaded.at(-1)).toBe('app://pos/index.html#/display');
  });
});
