/** The on-screen receipt draws the real QR (read back from its pixels), not a "[QR …]" text placeholder. */
import type { ReceiptPreviewView } from '../../../shared/contract';
import { issueDemoQr, openDrawerSession, rpc, shot, STORE, wedgeScan } from '../flows';
import { decodeQrImage } from '../qr-decode';
import { expect, test } from './web-shell.fixture';

test('the receipt preview beside 승인 완료 shows a scannable QR of what the printer prints', async ({ page, shell }) => {
  await page.goto(shell.appUrl);
  await rpc(page, 'registerStore', STORE);
  await openDrawerSession(page);
  await page.reload();
  await page.getByTestId('price-input').focus();
  await page.keyboard.type('4500');
  await page.keyboard.press('Enter');
  const qr = await issueDemoQr(page);
  await page.keyboard.press('F2');
  await wedgeScan(page, qr);
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  const tid = ((await page.getByTestId('result-tid').textContent()) ?? '').trim();

  const preview = page.getByTestId('receipt-preview');
  await expect(preview).toBeVisible();
  await expect(preview).not.toContainText('[QR');
  const payment = (await rpc<{ id: number; tid: string | null }[]>(page, 'listPayments')).find((p) => p.tid === tid)!;
  const printed = await rpc<ReceiptPreviewView>(page, 'getReceiptPreview', { paymentId: payment.id });
  const code = printed.codes.find((c) => c.symbology === 'qr');
  expect(code, 'the printed receipt has a QR').toBeDefined();
  expect(printed.text[code!.line]).toContain('[QR'); // what the printer path renders as text there
  expect(code!.data).toContain(tid);
  expect(await decodeQrImage(page.getByTestId('receipt-qr'))).toBe(code!.data);
  await shot(page, 'receipt-qr-on-screen');
});
