/**
 * Keyboard-wedge scanner under a Korean IME in Hangul mode, through Chrome DevTools Protocol key events:
 * each key carries the jamo a Hangul IME reports (key 'ㅐ') but the physical code of the ASCII the
 * scanner means (code 'KeyO'). A 5 ms-per-key burst ending in Enter is a scan and pays, read exactly,
 * wherever the focus is; the same keys at a person's 120 ms per key are not a scan.
 */
import type { CDPSession, Page } from '@playwright/test';
import { issueDemoQr, registerDemoStore } from '../flows';
import { expect, test } from './web-shell.fixture';

/** 2-beolsik (Korean standard) layout: the jamo a Hangul IME gives for each letter key, [plain, shifted]. */
const HANGUL: Record<string, [string, string]> = {
  Q: ['ㅂ', 'ㅃ'], W: ['ㅈ', 'ㅉ'], E: ['ㄷ', 'ㄸ'], R: ['ㄱ', 'ㄲ'], T: ['ㅅ', 'ㅆ'], Y: ['ㅛ', 'ㅛ'], U: ['ㅕ', 'ㅕ'], I: ['ㅑ', 'ㅑ'], O: ['ㅐ', 'ㅒ'], P: ['ㅔ', 'ㅖ'],
  A: ['ㅁ', 'ㅁ'], S: ['ㄴ', 'ㄴ'], D: ['ㅇ', 'ㅇ'], F: ['ㄹ', 'ㄹ'], G: ['ㅎ', 'ㅎ'], H: ['ㅗ', 'ㅗ'], J: ['ㅓ', 'ㅓ'], K: ['ㅏ', 'ㅏ'], L: ['ㅣ', 'ㅣ'],
  Z: ['ㅋ', 'ㅋ'], X: ['ㅌ', 'ㅌ'], C: ['ㅊ', 'ㅊ'], V: ['ㅍ', 'ㅍ'], B: ['ㅠ', 'ㅠ'], N: ['ㅜ', 'ㅜ'], M: ['ㅡ', 'ㅡ'],
};

interface KeySpec {
  key: string;
  code: string;
  vk: number;
  shift: boolean;
}

/** What a Hangul-mode IME reports for the key a US-layout scanner presses to type `ch`. */
function hangulKey(ch: string): KeySpec {
  if (/[A-Za-z]/.test(ch)) {
    const up = ch.toUpperCase();
    const shift = ch !== ch.toLowerCase();
    return { key: HANGUL[up]![shift ? 1 : 0], code: `Key${up}`, vk: up.charCodeAt(0), shift };
  }
  if (/[0-9]/.test(ch)) return { key: ch, code: `Digit${ch}`, vk: ch.charCodeAt(0), shift: false };
  if (ch === '.') return { key: '.', code: 'Period', vk: 190, shift: false };
  throw new Error(`no key for ${ch}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function key(cdp: CDPSession, type: 'keyDown' | 'keyUp', k: { key: string; code: string; vk: number }, modifiers: number, timestamp: number): Promise<void> {
  await cdp.send('Input.dispatchKeyEvent', { type, key: k.key, code: k.code, windowsVirtualKeyCode: k.vk, nativeVirtualKeyCode: k.vk, modifiers, timestamp });
}

/**
 * Types `text` key by key as a wedge scanner does (Shift pressed around upper-case letters), `gapMs`
 * between keys, then Enter. With `imeProcess`, each key first arrives as the IME's "Process" keydown
 * (keyCode 229), as Chromium reports it while the IME handles the key.
 * Every event carries its input timestamp (as the OS stamps real key presses), so the timing the page
 * sees is the device's, not the test machine's load.
 */
async function typeHangulBurst(page: Page, text: string, gapMs: number, opts: { imeProcess?: boolean } = {}): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const SHIFT = { key: 'Shift', code: 'ShiftLeft', vk: 16 };
  const t0 = Date.now() / 1000;
  let i = 0;
  for (const ch of text) {
    const k = hangulKey(ch);
    const mods = k.shift ? 8 : 0;
    const at = t0 + (i++ * gapMs) / 1000;
    if (k.shift) await key(cdp, 'keyDown', SHIFT, 8, at);
    if (opts.imeProcess) await key(cdp, 'keyDown', { key: 'Process', code: k.code, vk: 229 }, mods, at + 0.0002);
    await key(cdp, 'keyDown', k, mods, at + 0.0004);
    await key(cdp, 'keyUp', k, mods, at + 0.0015);
    if (k.shift) await key(cdp, 'keyUp', SHIFT, 0, at + 0.002);
    await sleep(gapMs);
  }
  const ENTER = { key: 'Enter', code: 'Enter', vk: 13 };
  const end = t0 + (i * gapMs) / 1000;
  await key(cdp, 'keyDown', ENTER, 0, end);
  await key(cdp, 'keyUp', ENTER, 0, end + 0.001);
  await cdp.detach();
}

async function ringUp(page: Page, price: string): Promise<void> {
  const input = page.getByTestId('price-input');
  await expect(input).toBeVisible();
  await input.fill(price);
  await input.press('Enter');
  await expect(page.getByTestId('cart-lines').locator('li, tr')).toHaveCount(1);
}

async function approvedThenNewSale(page: Page): Promise<void> {
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  await expect(page.getByTestId('result')).toHaveAttribute('data-enter-armed', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('price-input')).toBeVisible();
}

test('wedge scanner under a Hangul IME: bursts are scans wherever the focus is, human typing is not', async ({ page, shell }) => {
  await page.goto(shell.appUrl);
  await registerDemoStore(page, 'wedge');
  await page.getByTestId('tab-checkout').click();

  // 1. Human typing at 120 ms per key, focus on the page (no field): not a scan, nothing paid, nothing stolen.
  await ringUp(page, '4500');
  await page.getByTestId('total-amount').click(); // focus leaves the fields
  const humanQr = await issueDemoQr(page);
  await typeHangulBurst(page, humanQr, 120);
  await page.waitForTimeout(300);
  await expect(page.getByTestId('paying')).toHaveCount(0);
  await expect(page.getByTestId('result')).toHaveCount(0);
  await expect(page.getByTestId('scan-input')).toHaveValue('');

  // 2. The scanner's 5 ms burst, focus still on the page: the global listener reads it exactly and pays.
  const qr1 = await issueDemoQr(page);
  await typeHangulBurst(page, qr1, 5);
  await approvedThenNewSale(page);

  // 3. Same, with the IME's "Process" (keyCode 229) keydown before every key: duplicates dropped, text exact.
  await ringUp(page, '3000');
  await page.getByTestId('total-amount').click();
  await typeHangulBurst(page, await issueDemoQr(page), 5, { imeProcess: true });
  await approvedThenNewSale(page);

  // 4. Caret still in the price field: the burst is taken out of the field as a scan; the field keeps its text.
  await ringUp(page, '1200');
  await page.getByTestId('price-input').fill('77');
  await page.getByTestId('price-input').focus();
  await typeHangulBurst(page, await issueDemoQr(page), 5);
  await approvedThenNewSale(page);

  // 5. In the scan field: rebuilt as ASCII from the physical keys, never jamo.
  await ringUp(page, '2500');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await typeHangulBurst(page, await issueDemoQr(page), 5);
  await approvedThenNewSale(page);

  // 6. Human typing in the price field at 120 ms: stays typing (the field is the cashier's), no payment.
  await page.getByTestId('price-input').focus();
  await typeHangulBurst(page, humanQr, 120);
  await page.waitForTimeout(200);
  await expect(page.getByTestId('result')).toHaveCount(0);

  await page.getByTestId('tab-history').click();
  await expect(page.locator('[data-testid="history-row"][data-status="approved"]')).toHaveCount(4);
});
