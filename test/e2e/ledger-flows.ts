/** Cashier flows of the ledger e2e tests: a sale of named items by keyboard, paid with the demo QR. */
import { expect, type Page } from '@playwright/test';
import type { Payment } from '../../shared/contract';
import { issueDemoQr, rpc, wedgeScan } from './flows';

export interface Line {
  name: string;
  price: number;
  taxFree?: boolean;
}

/** Rings the lines up (name, price, 면세), scans a demo QR like a wedge scanner, sees 승인 완료, starts a new sale. */
export async function sell(page: Page, lines: readonly Line[], qrText: (page: Page) => Promise<string> = issueDemoQr): Promise<Payment> {
  await page.keyboard.press('Alt+1');
  const price = page.getByTestId('price-input');
  await expect(price).toBeVisible();
  for (const l of lines) {
    await page.getByTestId('item-name-input').fill(l.name);
    if (l.taxFree) await page.getByTestId('tax-free-input').check();
    await price.focus();
    await page.keyboard.type(String(l.price));
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('cart-lines').locator('li, tr')).toHaveCount(lines.length);
  const qr = await qrText(page);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await wedgeScan(page, qr);
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  const tid = ((await page.getByTestId('result-tid').textContent()) ?? '').trim();
  await expect(page.getByTestId('result')).toHaveAttribute('data-enter-armed', 'true');
  await page.keyboard.press('Enter'); // new sale
  await expect(price).toBeVisible();
  const p = (await rpc<Payment[]>(page, 'listPayments')).find((x) => x.tid === tid);
  expect(p).toBeDefined();
  return p!;
}

/** "12,345원" as the screens write it (ko). */
export const won = (n: number) => `${n < 0 ? '-' : ''}${Math.abs(n).toLocaleString('en-US')}원`;
