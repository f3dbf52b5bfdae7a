import { createServer } from 'node:net';
import { completeSaleWithDemoQr, issueDemoQr, registerDemoStore, rpc, shot, wedgeScan } from '../flows';
import { expect, test } from './web-shell.fixture';

test('web shell: onboard, sell by keyboard-wedge scan, approved, in history, still there after reload and restart', async ({ page, shell }) => {
  await page.goto(shell.appUrl);
  const cid = await registerDemoStore(page, 'web');
  await expect(page.getByText(cid).first()).toBeVisible();
  const { tid } = await completeSaleWithDemoQr(page, 'web');

  await page.reload();
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-status', 'approved');
  await expect(page.getByTestId('history-row').first()).toContainText(tid);

  await shell.restart(); // new process, same ledger: the sale and the store are still there
  await page.goto(shell.appUrl);
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row').first()).toContainText(tid);
});

test('bad input gets a clear message and nothing crashes or is lost', async ({ page, shell }) => {
  await page.goto(shell.appUrl);
  // invalid business number: rejected before any call
  await page.getByTestId('biz-no').fill('2208162518');
  await page.getByTestId('store-name').fill('테스트');
  await page.getByTestId('post-no').press('Enter');
  await expect(page.getByTestId('form-error').or(page.getByText('사업자등록번호가 올바르지 않습니다')).first()).toBeVisible();
  await shot(page, 'web-10-onboarding-invalid-bizno');
  await page.reload();
  await registerDemoStore(page, 'web-bad');
  await completeSaleWithDemoQr(page, 'web-bad');
  await page.getByTestId('tab-checkout').click();

  // absurd amounts
  const price = page.getByTestId('price-input');
  for (const bad of ['0', '100000001']) {
    await price.fill(bad);
    await price.press('Enter');
    await page.keyboard.press('F2');
    await wedgeScan(page, await issueDemoQr(page));
    await expect(page.getByTestId('checkout-error')).toContainText(/금액|결제할 상품/);
    await shot(page, `web-11-checkout-bad-amount-${bad}`);
    await page.keyboard.press('Escape');
    await price.fill('');
  }

  // unknown QR text
  await price.fill('1000');
  await price.press('Enter');
  await page.keyboard.press('F2');
  await wedgeScan(page, 'HELLO-WORLD-12345');
  await expect(page.getByTestId('checkout-error')).toContainText('결제 QR이 아닙니다');
  await shot(page, 'web-12-checkout-unknown-qr');

  // backend down: a clear failure, earlier sale kept
  const port = await new Promise<number>((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
  const qr = await issueDemoQr(page);
  await rpc(page, 'updateSettings', { backend: { mode: 'remote', url: `http://127.0.0.1:${port}`, dialect: 'oneqpay' } });
  await page.getByTestId('scan-input').fill('');
  await page.keyboard.press('F2');
  await wedgeScan(page, qr);
  await expect(page.getByTestId('result-status')).toContainText('결제 실패');
  await expect(page.getByText('결제 서버에 연결할 수 없습니다')).toBeVisible();
  await shot(page, 'web-13-result-backend-down');
  await rpc(page, 'updateSettings', { backend: { mode: 'embedded' } });
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  await expect(page.locator('[data-testid="history-row"][data-status="approved"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="history-row"][data-status="failed"]')).toHaveCount(1);
  await shot(page, 'web-14-history-mixed');
});
