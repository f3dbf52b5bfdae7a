/**
 * The counter's keyboard and its errors, in the web shell:
 * - digits typed the moment 승인 완료 shows start the next sale's price; Enter right away starts the next sale
 * - each entry error is said under the field being typed in (not in the QR box), in plain words;
 *   a ₩0 line is refused at entry; a cart over ₩100,000,000 is flagged while it is built
 * - a payment server that cannot be reached: a banner on the checkout screen itself
 */
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { issueDemoQr, openDrawerSession, rpc, shot, STORE, wedgeScan } from '../flows';
import { expect, test } from './web-shell.fixture';

async function openCheckout(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await rpc(page, 'registerStore', STORE);
  await openDrawerSession(page);
  await page.reload();
  await expect(page.getByTestId('price-input')).toBeFocused();
}

async function payWithDemoQr(page: Page): Promise<void> {
  const qr = await issueDemoQr(page);
  await page.keyboard.press('F2');
  await wedgeScan(page, qr);
}

const lines = (page: Page) => page.getByTestId('cart-line');

test('no keystroke lost after approval: digits start the next price, Enter starts the next sale', async ({ page, shell }) => {
  await openCheckout(page, shell.appUrl);
  await page.keyboard.type('4500');
  await page.keyboard.press('Enter');
  await payWithDemoQr(page);
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  // the cashier goes straight on with the next customer's first item, no pause
  await page.keyboard.type('3000');
  await page.keyboard.press('Enter');
  await expect(lines(page)).toHaveCount(1);
  await expect(page.getByTestId('total-amount')).toHaveAttribute('data-value', '3000');
  await expect(page.getByTestId('price-input')).toBeFocused();

  await payWithDemoQr(page);
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  await page.keyboard.press('Enter'); // at once: the next sale
  await expect(page.getByTestId('price-input')).toBeFocused();
  await expect(lines(page)).toHaveCount(0);
  await page.keyboard.type('1200');
  await expect(page.getByTestId('price-input')).toHaveValue('1,200');
});

test('errors where the cashier looks: under the price and qty fields, ₩0 refused, over ₩100,000,000 flagged, server down banner', async ({ page, shell }) => {
  await openCheckout(page, shell.appUrl);
  const price = page.getByTestId('price-input');
  const priceError = page.getByTestId('price-input-error');

  // letters in the price: said under the price field, in plain words, not in the QR box
  await page.keyboard.type('45a0');
  await page.keyboard.press('Enter');
  await expect(priceError).toContainText('숫자로만');
  await expect(priceError).not.toContainText('정수');
  await expect(price).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('checkout-error')).toHaveCount(0);
  await shot(page, 'errors-01-price-letters');

  // ₩0: refused at entry
  await price.fill('0');
  await price.press('Enter');
  await expect(priceError).toContainText('0원 상품은 담을 수 없습니다');
  await expect(lines(page)).toHaveCount(0);

  // typing again clears the message
  await price.fill('1000');
  await expect(priceError).toHaveCount(0);

  // quantity 0: said under the quantity field
  await page.getByTestId('qty-input').fill('0');
  await page.getByTestId('qty-input').press('Enter');
  await expect(page.getByTestId('qty-input-error')).toContainText('수량은 1부터 999까지');
  await expect(lines(page)).toHaveCount(0);
  await shot(page, 'errors-02-qty-zero');
  await page.getByTestId('qty-input').fill('');
  await price.focus();
  await page.keyboard.press('Enter');
  await expect(lines(page)).toHaveCount(1);

  // over ₩100,000,000: flagged as soon as the cart passes it, before any payment
  await expect(page.getByTestId('cart-over-limit')).toHaveCount(0);
  await page.keyboard.type('100000000');
  await page.keyboard.press('Enter');
  await expect(lines(page)).toHaveCount(2);
  await expect(page.getByTestId('cart-over-limit')).toContainText('1억원을 넘어');
  await shot(page, 'errors-03-cart-over-limit');
  await page.keyboard.press('Control+Backspace'); // remove the last line: back under the limit
  await expect(page.getByTestId('cart-over-limit')).toHaveCount(0);

  // payment server unreachable: a banner on the checkout screen, gone when it is back
  await expect(page.getByTestId('backend-down')).toHaveCount(0);
  const port = await new Promise<number>((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
  await rpc(page, 'updateSettings', { backend: { mode: 'remote', url: `http://127.0.0.1:${port}`, dialect: 'oneqpay' } });
  await page.reload();
  await expect(page.getByTestId('backend-down')).toContainText('결제 서버에 연결할 수 없습니다');
  await expect(page.getByTestId('pay-button')).toBeInViewport();
  await shot(page, 'errors-04-backend-down');
  await rpc(page, 'updateSettings', { backend: { mode: 'embedded' } });
  await page.reload();
  await expect(page.getByTestId('price-input')).toBeVisible();
  await expect(page.getByTestId('backend-down')).toHaveCount(0);
});
