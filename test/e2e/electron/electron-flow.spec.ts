/**
 * The same sale in the real Electron shell (_electron.launch). Runs under xvfb-run when an Electron
 * runtime is present (ELECTRON_OVERRIDE_DIST_PATH); otherwise it reports itself skipped, with the reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { completeSaleWithDemoQr, registerDemoStore } from '../flows';

const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
test.skip(!dist, 'Electron runtime not available on this machine: set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 to run this test');

test('Electron: onboard, sell by keyboard-wedge scan, approved, in history, survives restart', async () => {
  const root = resolve(__dirname, '../../..');
  const dataDir = mkdtempSync(join(tmpdir(), 'pos-electron-'));
  const exe = join(dist!, process.platform === 'win32' ? 'electron.exe' : 'electron');
  const launch = () => electron.launch({ executablePath: exe, args: [root, '--no-sandbox'], env: { ...process.env, POS_DATA_DIR: dataDir } });
  try {
    let app = await launch();
    let page = await app.firstWindow();
    // the hardened window: no Node in the renderer, only the bridge
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { posBridge?: unknown }).posBridge)).toBe('object');
    // served over app://pos, not file://; no new windows; nothing outside the renderer folder
    expect(page.url()).toBe('app://pos/index.html');
    expect(await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/') === null)).toBe(true);
    expect(await page.evaluate(() => fetch('app://pos/%2e%2e%2fpackage.json').then((r) => r.status))).toBe(404);
    expect(app.windows()).toHaveLength(1);
    await registerDemoStore(page, 'electron');
    await completeSaleWithDemoQr(page, 'electron');
    await app.close();
    app = await launch();
    page = await app.firstWindow();
    await page.getByTestId('tab-history').click();
    await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-status', 'approved');
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
