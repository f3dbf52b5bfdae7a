/**
 * A full refund asks once more: C, Enter shows the amount and asks again; Esc goes back without
 * cancelling; Enter again cancels. A failed payment has no refund button (and C does nothing).
 */
import type { Page } from '@playwright/test';
import type { PaymentDetail } from '../../../shared/contract';
import { openDrawerSession, rpc, shot, STORE } from '../flows';
import { sell } from '../ledger-flows';
import { expect, test } from './web-shell.fixture';

async function openDetail(page: Page, id: number): Promise<void> {
  await page.keyboard.press('Alt+2');
  const row = page.locator(`[data-testid="history-row"][data-id="${id}"]`);
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment-detail')).toHaveAttribute('data-id', String(id));
}

test('full refund: C, Enter shows the amount and asks again; Esc goes back; Enter cancels. A failed payment: no refund button', async ({ page, shell }) => {
  await page.goto(shell.appUrl);
  await rpc(page, 'registerStore', STORE);
  await openDrawerSession(page);
  await page.reload();
  const p = await sell(page, [{ name: '아메리카노', price: 4500 }]);
  await openDetail(page, p.id);

  await page.keyboard.press('c');
  await expect(page.getByTestId('refund-amount')).toBeFocused();
  await page.keyboard.press('Enter'); // the default: the whole amount
  await expect(page.getByTestId('refund-full-confirm')).toContainText('전액 취소');
  await expect(page.getByTestId('refund-full-amount')).toHaveText('4,500원');
  await expect(page.getByTestId('refund-full-yes')).toBeFocused();
  await shot(page, 'refund-full-confirm');

  // Esc: back to the amount, nothing cancelled
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('refund-amount')).toBeFocused();
  expect((await rpc<PaymentDetail>(page, 'getPaymentDetail', { id: p.id })).payment.refunds).toHaveLength(0);

  // Enter, Enter: cancelled
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-full-yes')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-outcome')).toHaveAttribute('data-status', 'cancelled');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-dialog')).toHaveCount(0);
  expect((await rpc<PaymentDetail>(page, 'getPaymentDetail', { id: p.id })).payment.refundedAmount).toBe(4500);

  // a failed payment (the cashier withdrew the customer-scans QR): no refund button, C does nothing
  await page.keyboard.press('Alt+1');
  await page.getByTestId('price-input').focus();
  await page.keyboard.type('3000');
  await page.keyboard.press('Enter');
  await page.keyboard.press('F4');
  await expect(page.getByTestId('mpm-panel')).toHaveAttribute('data-step', 'waiting');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('price-input')).toBeVisible();
  const failed = (await rpc<{ id: number; status: string }[]>(page, 'listPayments')).find((x) => x.status === 'failed');
  expect(failed).toBeDefined();
  await openDetail(page, failed!.id);
  await expect(page.getByTestId('detail-amount')).toBeVisible();
  await expect(page.getByTestId('detail-refund-button')).toHaveCount(0);
  await page.keyboard.press('c');
  await expect(page.getByTestId('refund-dialog')).toHaveCount(0);
  await shot(page, 'refund-failed-payment-detail');
});
