/**
 * Product barcodes from the webcam (issue 12), in Chromium with its fake camera fed from a generated .y4m:
 * the demo café menu is loaded; the camera sees the EAN-13 of 크로플 (rendered from the standard tables,
 * test/fixtures/video/ean13-synth.ts) and the product is added to the cart through the same scan router as
 * the wedge and serial scanners; an EAN-13 no product has gives "등록되지 않은 바코드". Each video needs its
 * own Chromium (the file is a launch flag).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { ean13Matrix } from '../../fixtures/video/ean13-synth';
import { qrVideo, writeY4m } from '../../fixtures/video/y4m';
import { STORE } from '../flows';
import { launchWebShell, stopWebShell, type WebShellProc } from './web-shell.fixture';
import { expect, test } from './web-shell.fixture';

const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];

let shell: WebShellProc;
let dataDir: string;
let videoDir: string;

async function rpc<T>(method: string, input: unknown = {}): Promise<T> {
  const token = shell.appUrl.split('#token=')[1] ?? '';
  const res = await fetch(`${shell.url}/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
  const r = (await res.json()) as { ok: boolean; value?: T; error?: { code: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error?.code}`);
  return r.value as T;
}

/** A counter camera: 15 empty frames, then the EAN-13 label held up (slightly moving) for 40 frames, looping. */
async function launchWithEan(name: string, code: string): Promise<Browser> {
  const file = join(videoDir, `${name}.y4m`);
  writeY4m(file, qrVideo({ width: 640, height: 480, text: '', matrix: ean13Matrix(code), quiet: 0, modulePx: 4, rotateDeg: 4, background: 'texture', noise: 3 }, { blankFrames: 15, qrFrames: 40 }));
  return chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: [...BASE_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`],
  });
}

async function openCheckout(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul', viewport: { width: 1024, height: 768 } });
  await context.grantPermissions(['camera'], { origin: shell.url });
  const page = await context.newPage();
  await page.goto(shell.appUrl);
  await expect(page.getByTestId('camera-panel')).toHaveAttribute('data-state', 'scanning');
  return page;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pos-e2e-cam-ean-'));
  videoDir = mkdtempSync(join(tmpdir(), 'pos-y4m-ean-'));
  shell = await launchWebShell(dataDir);
  await rpc('registerStore', STORE);
  await rpc('loadDemoCatalog');
});
test.afterAll(async () => {
  await stopWebShell(shell);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(videoDir, { recursive: true, force: true });
});

test('webcam: the EAN-13 of 크로플 adds 크로플 to the cart', async () => {
  const browser = await launchWithEan('croffle', '8801000000036');
  try {
    const page = await openCheckout(browser);
    await expect(page.getByTestId('cart-line').first()).toContainText('크로플', { timeout: 15_000 });
    await expect(page.getByTestId('cart-line').first()).toContainText('4,000');
    await expect(page.getByTestId('checkout-error')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/camera-ean13-croffle-1024.png' });
  } finally {
    await browser.close();
  }
});

test('webcam: an EAN-13 no product has says 등록되지 않은 바코드 and adds nothing', async () => {
  const browser = await launchWithEan('unknown', '4006381333931');
  try {
    const page = await openCheckout(browser);
    await expect(page.getByTestId('checkout-error')).toHaveAttribute('data-code', 'BARCODE_UNKNOWN', { timeout: 15_000 });
    await expect(page.getByTestId('checkout-error')).toContainText('등록되지 않은 바코드');
    await expect(page.getByTestId('cart-line')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/camera-ean13-unknown-1024.png' });
  } finally {
    await browser.close();
  }
});
