/** History filters apply as they change: no 조회 press needed for a choice or for typed text. */
import { openDrawerSession, rpc, STORE } from '../flows';
import { sell } from '../ledger-flows';
import { expect, test } from './web-shell.fixture';

test('history: 상태, amount range and search apply as they change, without 조회', async ({ page, shell }) => {
  await page.goto(shell.appUrl);
  await rpc(page, 'registerStore', STORE);
  await openDrawerSession(page);
  await page.reload();
  await sell(page, [{ name: '아메리카노', price: 4500 }]);
  const big = await sell(page, [{ name: '케이크', price: 32000 }]);
  // a failed payment: the cashier withdraws the customer-scans QR
  await page.getByTestId('price-input').focus();
  await page.keyboard.type('3000');
  await page.keyboard.press('Enter');
  await page.keyboard.press('F4');
  await expect(page.getByTestId('mpm-panel')).toHaveAttribute('data-step', 'waiting');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('price-input')).toBeVisible();

  await page.keyboard.press('Alt+2');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(3);

  await page.getByTestId('filter-state').selectOption('failed');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-state', 'failed');

  await page.getByTestId('filter-state').selectOption('');
  await expect(rows).toHaveCount(3);
  await page.getByTestId('filter-min').focus();
  await page.keyboard.type('10000', { delay: 30 });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-id', String(big.id));

  await page.getByTestId('filter-reset').click();
  await expect(rows).toHaveCount(3);
  await page.getByTestId('filter-query').focus();
  await page.keyboard.type(big.tid ?? '', { delay: 5 });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-id', String(big.id));
});
