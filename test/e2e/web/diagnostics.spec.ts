/**
 * 진단 end to end in the web shell: the payment server's ping with its latency, the printer's test page on
 * the ESC/POS emulator, the scanner test fed by keyboard-wedge bursts (a payment QR and other text), the
 * status bar's camera / scanner / printer / backend items; and, in a Chromium with a fake webcam playing a
 * QR video, the camera test's live decode (text, decode time) going through the one scan path.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { qrVideo, writeY4m } from '../../fixtures/video/y4m';
import { EscPosPrinterEmulator } from '../../emulators/escpos-printer';
import { issueDemoQr, openDrawerSession, rpc, shot, STORE } from '../flows';
import { expect, test } from './web-shell.fixture';

const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];

function keyOf(ch: string): { key: string; code: string; vk: number; shift: boolean } {
  if (/[A-Za-z]/.test(ch)) return { key: ch, code: `Key${ch.toUpperCase()}`, vk: ch.toUpperCase().charCodeAt(0), shift: ch !== ch.toLowerCase() };
  if (/[0-9]/.test(ch)) return { key: ch, code: `Digit${ch}`, vk: ch.charCodeAt(0), shift: false };
  if (ch === '.') return { key: '.', code: 'Period', vk: 190, shift: false };
  throw new Error(`no key for ${ch}`);
}

/** A wedge scanner's burst (5 ms a key, then Enter), each key stamped with its input time so machine load cannot stretch the gaps. */
async function wedgeBurst(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const send = (type: 'keyDown' | 'keyUp', k: { key: string; code: string; vk: number }, modifiers: number, timestamp: number) =>
    cdp.send('Input.dispatchKeyEvent', { type, key: k.key, code: k.code, text: type === 'keyDown' && k.key.length === 1 ? k.key : undefined, windowsVirtualKeyCode: k.vk, nativeVirtualKeyCode: k.vk, modifiers, timestamp });
  const SHIFT = { key: 'Shift', code: 'ShiftLeft', vk: 16 };
  const t0 = Date.now() / 1000;
  let i = 0;
  for (const ch of text) {
    const k = keyOf(ch);
    const at = t0 + (i++ * 5) / 1000;
    if (k.shift) await send('keyDown', SHIFT, 8, at);
    await send('keyDown', k, k.shift ? 8 : 0, at + 0.0004);
    await send('keyUp', k, k.shift ? 8 : 0, at + 0.0015);
    if (k.shift) await send('keyUp', SHIFT, 0, at + 0.002);
  }
  const end = t0 + (i * 5) / 1000;
  await send('keyDown', { key: 'Enter', code: 'Enter', vk: 13 }, 0, end);
  await send('keyUp', { key: 'Enter', code: 'Enter', vk: 13 }, 0, end + 0.001);
  await cdp.detach();
}

test('diagnostics: backend ping, printer test page, wedge scanner test, status bar', async ({ page, shell }) => {
  const emu = await EscPosPrinterEmulator.start({ columns: 42 });
  try {
    await page.goto(shell.appUrl);
    await rpc(page, 'registerStore', STORE);
    await openDrawerSession(page);
    const { printer } = await rpc<{ printer: Record<string, unknown> }>(page, 'getSettings');
    await rpc(page, 'updateSettings', { printer: { ...printer, transport: { kind: 'tcp', host: '127.0.0.1', port: emu.port }, columns: 42 } });
    await page.reload();
    await expect(page.getByTestId('price-input')).toBeVisible(); // booted: the store is there

    await page.keyboard.press('Alt+7');
    await expect(page.getByTestId('diagnostics-screen')).toBeVisible();
    await expect(page.getByTestId('tab-diagnostics')).toHaveAttribute('aria-current', 'page');

    // Payment server: pinged on opening, and again on demand.
    const backend = page.getByTestId('diag-backend-result');
    await expect(backend).toHaveAttribute('data-ok', 'true');
    await expect(backend).toContainText(/연결됨 · \d+ ms/);
    await expect(page.getByTestId('diag-backend-badge')).toHaveText(/^\d+ ms$/);
    await page.getByTestId('diag-backend-ping').click();
    await expect(backend).toHaveAttribute('data-ok', 'true');

    // Scanner test: nothing yet; a wedge burst of a payment QR with the focus anywhere (here: a button).
    await expect(page.getByTestId('diag-scan-empty')).toBeVisible();
    await page.getByTestId('diag-backend-ping').focus();
    const qr = await issueDemoQr(page);
    await wedgeBurst(page, qr);
    const last = page.getByTestId('diag-scan-last');
    await expect(last).toHaveAttribute('data-source', 'wedge');
    await expect(last).toHaveAttribute('data-valid', 'true');
    await expect(page.getByTestId('diag-scan-text')).toContainText(qr);
    await expect(page.getByTestId('diag-scanner-badge')).toHaveText('키보드(웨지)');
    // Text that is not a payment QR: shown as such (never echoed), still from the wedge.
    await wedgeBurst(page, 'HELLOWORLD12345');
    await expect(last).toHaveAttribute('data-valid', 'false');
    await expect(page.getByTestId('diag-scan-error')).toContainText('결제 QR이 아닙니다');
    await expect(page.getByTestId('diag-serial-state')).toContainText('꺼짐');

    // Printer: the test page, acknowledged by the printer, and what came out.
    await expect(page.getByTestId('diag-printer-badge')).toHaveText('정상');
    await page.getByTestId('diag-printer-test').click();
    const printed = page.getByTestId('diag-printer-result');
    await expect(printed).toHaveAttribute('data-printed', 'true');
    await expect(printed).toContainText('테스트 인쇄 성공');
    await expect.poll(() => emu.receipts.length).toBe(1);
    expect(emu.receipts[0]!.lines.join('\n')).toMatch(/프\s+린\s+터\s+테\s+스\s+트/);

    // Status bar: backend, serial scanner, camera, printer — always there.
    await expect(page.getByTestId('backend-status')).toHaveAttribute('data-reachable', 'up');
    await expect(page.getByTestId('serial-status')).toHaveAttribute('data-state', 'off');
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'standby');
    await expect(page.getByTestId('camera-status')).toContainText('카메라: 대기');
    await expect(page.getByTestId('printer-status')).toHaveAttribute('data-state', 'ok');
    await shot(page, 'diag-01-wedge-printer-backend');

    // No printer: the test is off, with the way to set one up.
    await rpc(page, 'updateSettings', { printer: { ...printer, transport: { kind: 'none' } } });
    await page.reload();
    await expect(page.getByTestId('price-input')).toBeVisible();
    await page.keyboard.press('Alt+7');
    await expect(page.getByTestId('diag-printer-none')).toContainText('설정');
    await expect(page.getByTestId('diag-printer-test')).toBeDisabled();
    await shot(page, 'diag-02-no-printer');
  } finally {
    await emu.close();
  }
});

test('diagnostics: camera test decodes the fake webcam live and feeds the scanner test', async ({ shell }) => {
  test.setTimeout(60_000);
  const token = shell.appUrl.split('#token=')[1] ?? '';
  const call = async <T,>(method: string, input: unknown = {}) => {
    const r = (await (await fetch(`${shell.url}/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(input) })).json()) as { ok: boolean; value: T };
    expect(r.ok).toBe(true);
    return r.value;
  };
  await call('registerStore', STORE);
  await call('openDrawer', { float: 100_000 }); // 개점: every sale belongs to a drawer session
  const qrText = (await call<{ qrText: string }>('issueDemoQr')).qrText;
  const dir = mkdtempSync(join(tmpdir(), 'pos-diag-y4m-'));
  const file = join(dir, 'diag.y4m');
  writeY4m(file, qrVideo({ text: qrText, width: 640, height: 480, background: 'texture', noise: 3 }, { blankFrames: 10, qrFrames: 30 }));
  const browser = await chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: [...BASE_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`],
  });
  try {
    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul', viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['camera'], { origin: shell.url });
    const page = await context.newPage();
    await page.goto(shell.appUrl);
    await expect(page.getByTestId('price-input')).toBeVisible();
    await page.keyboard.press('Alt+7');
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'standby'); // the checkout's camera went off
    await expect(page.getByTestId('diag-camera')).toHaveAttribute('data-state', 'idle');
    await page.getByTestId('diag-camera-toggle').click();
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'scanning');
    await expect(page.getByTestId('diag-camera-text')).toHaveText(qrText, { timeout: 15_000 });
    await expect(page.getByTestId('diag-camera-kind')).toHaveText('결제 QR');
    await expect(page.getByTestId('diag-camera-decode-ms')).toHaveAttribute('data-ms', /^\d+$/);
    await expect(page.getByTestId('diag-camera-decode-ms')).toContainText(/\d+ ms/);
    // The same read went through the one scan path: the scanner test shows it as a camera scan.
    await expect(page.getByTestId('diag-scan-last')).toHaveAttribute('data-source', 'camera');
    await expect(page.getByTestId('diag-scan-text')).toContainText(qrText);
    await shot(page, 'diag-03-camera-decoding');
    // Off again: no live track, the status bar says standby.
    await page.getByTestId('diag-camera-toggle').click();
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'standby');
    await expect(page.getByTestId('diag-camera')).toHaveAttribute('data-state', 'idle');
    // Back at the checkout the camera scans there (one owner at a time).
    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('camera-status')).toHaveAttribute('data-state', 'scanning');
    await expect(page.getByTestId('camera-panel')).toHaveAttribute('data-state', 'scanning');
    await shot(page, 'diag-04-checkout-camera-layout');
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
