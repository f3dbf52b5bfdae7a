/**
 * Issue 13, 내역: a split order (cash with a 현금영수증 + QR) is refunded per tender from the history detail
 * of its QR payment: part of the cash from the drawer (its 현금영수증 cancelled by as much), part of the
 * QR through the cancel API, each within what that tender has left.
 */
import type { Order } from '../../../shared/contract-cash';
import { issueDemoQr, registerDemoStore, rpc, shot } from '../flows';
import { expect, test } from './web-shell.fixture';

test('내역: a split order refunded per tender; the cash refund cancels its 현금영수증 in part', async ({ page, shell }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(shell.appUrl);
  await registerDemoStore(page, 'cash-hist');
  // the split sale itself is the tender screen's (cash-drawer.spec): here it is set up through the contract
  const o = await rpc<Order>(page, 'createOrder', { items: [{ name: '케이크', unitPrice: 15000, quantity: 1, taxFree: false }] });
  await rpc(page, 'addCashTender', { orderId: o.id, amount: 5000, received: 5000, cashReceipt: { purpose: '소득공제', identity: '010-1234-5678' } });
  await rpc(page, 'addQrTender', { orderId: o.id, qrText: await issueDemoQr(page) });
  await expect.poll(async () => (await rpc<Order>(page, 'getOrder', { id: o.id })).cashReceipts[0]?.status).toBe('issued');

  await page.getByTestId('tab-history').click();
  await page.getByTestId('history-row').first().click();
  const panel = page.getByTestId('order-tenders');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('tender-cash')).toContainText('5,000');
  await expect(panel.getByTestId('tender-qr')).toContainText('10,000');
  // C goes to the tenders (no whole-payment refund of a split order)
  await page.keyboard.press('c');
  await expect(panel.getByTestId('refund-amount-cash')).toBeFocused();
  // more than the cash part has is refused where the cashier types
  await page.keyboard.type('6000');
  await panel.getByTestId('refund-submit-cash').click();
  await expect(panel.getByTestId('tender-refund-error')).toHaveAttribute('data-code', 'REFUND_EXCEEDS_TENDER');
  await panel.getByTestId('refund-amount-cash').fill('2000');
  await panel.getByTestId('refund-submit-cash').click();
  await expect(panel.getByTestId('tender-cash')).toContainText('2,000');
  await expect(panel.getByTestId('cash-receipt')).toHaveAttribute('data-cancelled', '2000');
  await panel.getByTestId('refund-amount-qr').fill('3000');
  await panel.getByTestId('refund-submit-qr').click();
  await expect(page.getByTestId('detail-state')).toContainText(/부분/);
  await expect(panel.getByTestId('tender-qr')).toContainText('3,000');
  await shot(page, 'cash-hist-split-refund-1280');
  const after = await rpc<Order>(page, 'getOrder', { id: o.id });
  expect(after.tenders.map((t) => [t.kind, t.refunded, t.refundable])).toEqual([
    ['cash', 2000, 3000],
    ['qr', 3000, 7000],
  ]);
  expect(after.cashReceipts[0]).toMatchObject({ cancelledAmount: 2000 });
  const drawer = await rpc<{ current: { report: { cashRefunds: number } } }>(page, 'getDrawer');
  expect(drawer.current.report.cashRefunds).toBe(2000);
});
