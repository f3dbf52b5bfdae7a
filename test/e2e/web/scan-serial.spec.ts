/**
 * Serial scanner end to end over a real serial line (socat pty pair, serialport in the core): chosen in
 * the scanner settings, status in the status bar, a scan written into the line pays; garbage gets a clear
 * message; the line is pulled (socat killed) and made again, and the app reconnects by itself.
 */
import type { Page } from '@playwright/test';
import { openSerialPair, socatAvailable, type SerialPair } from '../../emulators/serial-pair';
import { issueDemoQr, registerDemoStore } from '../flows';
import { expect, test } from './web-shell.fixture';

let pair: SerialPair | null = null;
test.afterEach(async () => {
  await pair?.close();
  pair = null;
});

async function ringUp(page: Page, price: string): Promise<void> {
  const input = page.getByTestId('price-input');
  await expect(input).toBeVisible();
  await input.fill(price);
  await input.press('Enter');
  await expect(page.getByTestId('cart-lines').locator('li, tr')).toHaveCount(1);
}

test('serial scanner: configure, pay from the serial line, reject garbage, reconnect after unplug/replug', async ({ page, shell }) => {
  test.skip(!socatAvailable(), 'socat is not installed');
  pair = await openSerialPair();
  await page.goto(shell.appUrl);
  await registerDemoStore(page, 'serial');
  await page.getByTestId('tab-checkout').click();

  // Choose the port in the scanner settings (path typed: a by-id style symlink), CR/LF framing, 9600 8N1.
  await page.getByTestId('scanner-settings').locator('summary').click();
  await page.getByTestId('serial-path').fill(pair.appPath);
  await page.getByTestId('serial-enabled').check();
  await page.getByTestId('serial-baud').selectOption('9600');
  await page.getByTestId('scanner-save').click();
  await expect(page.getByTestId('scanner-saved')).toBeVisible();
  await expect(page.getByTestId('serial-status')).toHaveAttribute('data-state', 'open');
  await page.getByTestId('scanner-settings').locator('summary').click();

  // Garbage and binary frames: a clear message, no payment.
  await ringUp(page, '4500');
  pair.write('HELLO-WORLD\r\n');
  await expect(page.getByTestId('checkout-error')).toContainText('결제 QR이 아닙니다');
  pair.write(Buffer.from([0x4f, 0x4e, 0x45, 0x51, 0x00, 0xff, 0x0d, 0x0a]));
  await expect(page.getByTestId('checkout-error')).toHaveAttribute('data-code', 'QR_NOT_TEXT');

  // A real scan over the line pays.
  pair.write(`${await issueDemoQr(page)}\r\n`);
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  await expect(page.getByTestId('result')).toHaveAttribute('data-enter-armed', 'true');
  await page.keyboard.press('Enter');

  // Unplug: the status bar says so; plug back in: the app reopens the port by itself.
  await pair.unplug();
  await expect(page.getByTestId('serial-status')).toHaveAttribute('data-state', 'waiting');
  await pair.replug();
  await expect(page.getByTestId('serial-status')).toHaveAttribute('data-state', 'open');
  await ringUp(page, '3000');
  pair.write(`${await issueDemoQr(page)}\r\n`);
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  await expect(page.getByTestId('result-amount')).toContainText('3,000');
});
