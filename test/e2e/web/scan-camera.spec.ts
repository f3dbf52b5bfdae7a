/**
 * Webcam scanning end to end in Chromium with its fake camera fed from generated .y4m videos: the QR
 * (a fresh one-time token from the simulator) appears after blank frames; inverted (phone dark mode);
 * rotated 30°; small and far; on a noisy, low-contrast background. The sale completes from the camera
 * alone. The QR must exist before the browser starts (the video is a launch flag), so each case gets its
 * own Chromium (chromium.launch) with --use-file-for-fake-video-capture.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { QrScene } from '../../fixtures/video/qr-synth';
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

async function launchWithVideo(file: string): Promise<Browser> {
  return chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: [...BASE_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`],
  });
}

async function openCheckoutWithLine(browser: Browser, price: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul', viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['camera'], { origin: shell.url });
  const page = await context.newPage();
  await page.goto(shell.appUrl);
  const input = page.getByTestId('price-input');
  await expect(input).toBeVisible();
  await input.fill(price);
  await input.press('Enter');
  await expect(page.getByTestId('cart-lines').locator('li, tr')).toHaveCount(1);
  return page;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pos-e2e-cam-'));
  videoDir = mkdtempSync(join(tmpdir(), 'pos-y4m-'));
  shell = await launchWebShell(dataDir);
  await rpc('registerStore', STORE);
  await rpc('openDrawer', { float: 100_000 }); // 개점: every sale belongs to a drawer session
});
test.afterAll(async () => {
  await stopWebShell(shell);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(videoDir, { recursive: true, force: true });
});

const CASES: { name: string; scene: Omit<QrScene, 'text'>; blankFrames?: number; price: string }[] = [
  { name: 'after-blank-frames', scene: { width: 640, height: 480, background: 'texture', noise: 3 }, blankFrames: 45, price: '4500' },
  { name: 'inverted', scene: { width: 640, height: 480, inverted: true, background: 'texture', noise: 3 }, price: '3000' },
  { name: 'rotated-30', scene: { width: 640, height: 480, rotateDeg: 30, background: 'texture', noise: 3 }, price: '2500' },
  { name: 'small-far', scene: { width: 1280, height: 720, modulePx: 3, cx: 0.56, cy: 0.45, background: 'texture', noise: 3 }, price: '1800' },
  { name: 'noisy-low-contrast', scene: { width: 640, height: 480, background: 'texture', dark: 95, light: 160, backgroundLevel: 120, noise: 12, blur: 1 }, price: '990' },
];

for (const c of CASES) {
  test(`webcam: ${c.name} — the sale completes from the camera alone`, async () => {
    const qrText = (await rpc<{ qrText: string }>('issueDemoQr')).qrText;
    const file = join(videoDir, `${c.name}.y4m`);
    writeY4m(file, qrVideo({ ...c.scene, text: qrText }, { blankFrames: c.blankFrames ?? 15, qrFrames: 20 }));
    const browser = await launchWithVideo(file);
    try {
      const page = await openCheckoutWithLine(browser, c.price);
      await expect(page.getByTestId('result-status')).toContainText('승인 완료', { timeout: 15_000 });
      await expect(page.getByTestId('result-amount')).toContainText(Number(c.price).toLocaleString('en-US'));
      await page.screenshot({ path: `test-results/screens/camera-${c.name}.png` });
      if (c.name === 'after-blank-frames') {
        // Leaving the scanning state turns the camera off (no live track anywhere), coming back turns it on.
        // (runs in the page; DOM types are not in the node tsconfig)
        type Vid = { srcObject: { getTracks(): { readyState: string }[] } | null };
        const liveTracks = () =>
          page.evaluate(() => [...(globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<Vid> } }).document.querySelectorAll('video')].flatMap((v) => v.srcObject?.getTracks() ?? []).filter((t) => t.readyState === 'live').length);
        expect(await liveTracks()).toBe(0);
        await expect(page.getByTestId('result')).toHaveAttribute('data-enter-armed', 'true');
        await page.keyboard.press('Enter'); // new sale: scanning again
        await expect(page.getByTestId('camera-panel')).toHaveAttribute('data-state', 'scanning');
        expect(await liveTracks()).toBe(1);
        // The chooser lists the camera and remembers the choice; the mirror option flips only the preview.
        const select = page.getByTestId('camera-select');
        const ids = await select.locator('option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
        expect(ids.length).toBeGreaterThan(0);
        await select.selectOption(ids[0]!);
        await page.getByTestId('camera-mirror').check();
        await expect(page.getByTestId('camera-preview')).toHaveClass(/camera__video--mirror/);
        await page.getByTestId('tab-history').click();
        await expect.poll(liveTracks).toBe(0); // checkout screen closed: camera off
        await page.reload();
        await expect(page.getByTestId('camera-select')).toHaveValue(ids[0]!);
        await expect(page.getByTestId('camera-mirror')).toBeChecked();
      }
    } finally {
      await browser.close();
    }
  });
}
