/**
 * Issue 13 end to end (web shell, keyboard first, the ESC/POS emulator as the printer): open a drawer
 * session with a float, a cash sale with change (the paper says 받은 금액 / 거스름돈, the drawer was kicked),
 * a split sale (cash + QR), a 현금영수증 by phone number, a 자진발급 sale of 120,000원, a partial refund of
 * the cash part, a paid-out, a close that is 1,000원 short with the printed close report, and a sale after
 * the close in the next session. Screenshots at 1024×768 and 1280×800, ko and en.
 */
import type { Page } from '@playwright/test';
import type { DrawerState, Order } from '../../../shared/contract-cash';
import { EscPosPrinterEmulator } from '../../emulators/escpos-printer';
import { registerDemoStore, rpc, shot } from '../flows';
import { expect, test } from './web-shell.fixture';

let emu: EscPosPrinterEmulator;
test.beforeEach(async () => {
  emu = await EscPosPrinterEmulator.start({ columns: 42 });
});
test.afterEach(async () => {
  await emu.close();
});

async function ringUp(page: Page, prices: readonly number[]): Promise<void> {
  await page.keyboard.press('Alt+1');
  const price = page.getByTestId('price-input');
  await expect(price).toBeVisible();
  await price.focus();
  for (const p of prices) {
    await page.keyboard.type(String(p));
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('cart-lines').locator('li, tr')).toHaveCount(prices.length);
}
const printedText = () => emu.receipts.map((r) => r.lines.join('\n'));

test('a whole day at the counter: open, cash, split, 현금영수증, refund, paid-out, close 1,000원 short, next session', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(shell.appUrl);
  await registerDemoStore(page, 'cash', { openDrawer: false });
  const settings = await rpc<{ printer: Record<string, unknown> }>(page, 'getSettings');
  await rpc(page, 'updateSettings', { printer: { ...settings.printer, transport: { kind: 'tcp', host: '127.0.0.1', port: emu.port }, columns: 42, autoPrint: true } });

  // 1. a sale needs a session: F8 offers 개점; the float is typed
  await ringUp(page, [4500]);
  await page.keyboard.press('F8');
  await expect(page.getByTestId('drawer-open-dialog')).toBeVisible();
  await expect(page.getByTestId('float-total')).toBeFocused();
  await page.keyboard.type('-5000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drawer-error')).toHaveAttribute('data-code', 'CASH_AMOUNT_INVALID');
  await page.getByTestId('float-total').fill('50000');
  await shot(page, 'cash-01-open-float-1024');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drawer-state')).toContainText('50,000');

  // 2. cash sale with change
  await page.keyboard.press('F8');
  await expect(page.getByTestId('tender-screen')).toBeVisible();
  await expect(page.getByTestId('cash-received')).toBeFocused();
  await page.keyboard.type('4000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tender-cash-error')).toHaveAttribute('data-code', 'CASH_RECEIVED_SHORT');
  await page.getByTestId('cash-received').fill('10000');
  await expect(page.getByTestId('tender-change')).toContainText('5,500');
  await shot(page, 'cash-02-tender-cash-1024');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tender-change-final')).toHaveAttribute('data-value', '5500');
  await shot(page, 'cash-03-cash-done-1024');
  await expect.poll(() => emu.receipts.length).toBe(1);
  expect(printedText()[0]).toMatch(/받은 금액\s+10,000원/);
  expect(printedText()[0]).toMatch(/거스름돈\s+5,500원/);
  expect(emu.drawerKicks.length).toBe(1);
  await page.getByTestId('tender-new-sale').click();

  // 3. split: 23,500원 = 3,500원 cash + 20,000원 QR
  await ringUp(page, [23500]);
  await page.keyboard.press('F8');
  await page.getByTestId('cash-amount').fill('3500');
  await page.getByTestId('quick-exact').click();
  await expect(page.getByTestId('cash-received')).toHaveValue('3500');
  await page.getByTestId('cash-submit').click();
  await expect(page.getByTestId('tender-due')).toHaveAttribute('data-value', '20000');
  await expect(page.getByTestId('qr-amount')).toHaveValue('20000');
  await page.getByTestId('tender-demo-qr').click();
  await expect(page.getByTestId('qr-text')).toBeFocused();
  await shot(page, 'cash-04-split-1024');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tender-screen')).toHaveAttribute('data-order-status', 'completed');
  await expect(page.getByTestId('tender-qr')).toHaveAttribute('data-status', 'approved');
  await page.getByTestId('tender-new-sale').click();

  // 4. 현금영수증 by phone number (a bad number first)
  await ringUp(page, [12000]);
  await page.keyboard.press('F8');
  await page.getByTestId('cr-purpose').selectOption('소득공제');
  await page.getByTestId('cr-identity').fill('02-123-4567');
  await page.getByTestId('quick-exact').click();
  await page.getByTestId('cash-submit').click();
  await expect(page.getByTestId('tender-cash-error')).toHaveAttribute('data-code', 'CASH_RECEIPT_ID_INVALID');
  await page.getByTestId('cr-identity').fill('010-1234-5678');
  await page.getByTestId('cash-submit').click();
  await expect(page.getByTestId('cash-receipt')).toHaveAttribute('data-status', 'issued');
  await expect(page.getByTestId('cash-receipt')).toContainText('010-****-5678');
  await page.getByTestId('tender-new-sale').click();

  // 5. 의무발행업종: 120,000원 in cash without a number → 자진발급; then a partial refund of the cash part
  await page.keyboard.press('Alt+3');
  await page.getByTestId('cr-mandatory').check();
  await expect(page.getByTestId('cr-mandatory')).toBeChecked();
  await ringUp(page, [120000]);
  await page.keyboard.press('F8');
  await page.getByTestId('quick-50k').click();
  await expect(page.getByTestId('cash-received')).toHaveValue('150000');
  await page.getByTestId('cash-submit').click();
  await expect(page.getByTestId('cash-receipt')).toHaveAttribute('data-status', 'issued');
  await expect(page.getByTestId('cash-receipt')).toContainText('010-000-1234');
  await expect(page.getByTestId('tender-change-final')).toHaveAttribute('data-value', '30000');
  await page.getByTestId('refund-amount-cash').fill('20000');
  await page.getByTestId('refund-submit-cash').click();
  await expect(page.getByTestId('tender-cash')).toContainText('20,000');
  await expect.poll(async () => ((await rpc<Order | null>(page, 'getOrder', { id: 4 }))?.cashReceipts[0]?.cancelledAmount ?? 0)).toBe(20000);
  await shot(page, 'cash-05-self-issue-refund-1024');
  const selfIssued = printedText().find((t) => t.includes('010-000-1234'));
  expect(selfIssued).toBeDefined();
  for (const f of ['현금영수증 승인번호', '사업자등록번호', '대표자', '사업장 주소', '거래일자', '공급가액', '부가세', '합계', '자진발급']) expect(selfIssued).toContain(f);
  await page.getByTestId('tender-new-sale').click();

  // 6. paid-out with a reason
  await page.getByTestId('drawer-movement').click();
  await page.getByTestId('movement-paid_out').check();
  await page.getByTestId('movement-amount').fill('3000');
  await page.getByTestId('movement-submit').click();
  await expect(page.getByTestId('drawer-error')).toHaveAttribute('data-code', 'REASON_REQUIRED');
  await page.getByTestId('movement-reason').fill('우유 구입');
  await page.getByTestId('movement-submit').click();
  await expect(page.getByTestId('drawer-movement-dialog')).toHaveCount(0);

  // 7. close: expected 50,000 + 4,500 + 3,500 + 12,000 + 120,000 − 20,000 − 3,000 = 167,000; counted 166,000
  await page.getByTestId('drawer-close').click();
  await expect(page.getByTestId('close-expected')).toContainText('167,000');
  await page.getByTestId('count-10000').fill('-1');
  await page.getByTestId('close-submit').click();
  await expect(page.getByTestId('drawer-error')).toHaveAttribute('data-code', 'DRAWER_COUNT_INVALID');
  await page.getByTestId('count-50000').fill('3');
  await page.getByTestId('count-10000').fill('1');
  await page.getByTestId('count-5000').fill('1');
  await page.getByTestId('count-1000').fill('1');
  await expect(page.getByTestId('close-over-short')).toContainText('-1,000');
  await page.getByTestId('close-note').fill('천원 부족');
  await shot(page, 'cash-06-close-count-1024');
  await page.getByTestId('close-submit').click();
  await expect(page.getByTestId('drawer-report-dialog')).toBeVisible();
  await expect(page.getByTestId('drawer-report-text')).toContainText(/과부족 \(부족\)\s+-1,000원/);
  await shot(page, 'cash-07-close-report-1024');
  await expect.poll(() => printedText().filter((t) => /마\s*감\s+정\s*산\s*서/.test(t)).length).toBe(1);
  const report = printedText().find((t) => /마\s*감\s+정\s*산\s*서/.test(t))!;
  console.log(`--- printed close report (ESC/POS emulator) ---\n${report}\n---`);
  expect(report).toMatch(/과부족 \(부족\)\s+-1,000원/);
  expect(report).toMatch(/예상 현금\s+167,000원/);
  expect(report).toMatch(/발급 2건\s+132,000원/);
  await page.keyboard.press('Escape');

  // 8. a sale after the close needs the next session and lands in it: a plain QR scan (Enter) offers 개점,
  // keeps the scanned code, and the same Enter pays once the float is in
  await ringUp(page, [2500]);
  const qr = await rpc<{ qrText: string }>(page, 'issueDemoQr');
  await page.keyboard.press('F2');
  await page.keyboard.type(qr.qrText, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drawer-open-dialog')).toBeVisible();
  expect((await rpc<{ id: number }[]>(page, 'listPayments')).length).toBe(1); // only the split's QR part: nothing sold outside a session
  await page.getByTestId('float-total').fill('166000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drawer-state')).toContainText('#2');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  await expect(page.getByTestId('result')).toHaveAttribute('data-enter-armed', 'true');
  await page.keyboard.press('Enter');
  await ringUp(page, [1000]);
  await page.keyboard.press('F8');
  await page.getByTestId('quick-exact').click();
  await page.getByTestId('cash-submit').click();
  await expect(page.getByTestId('tender-screen')).toHaveAttribute('data-order-status', 'completed');
  const drawer = await rpc<DrawerState>(page, 'getDrawer');
  expect(drawer.current!.id).toBe(2);
  expect(drawer.lastClosed!.overShort).toBe(-1000);
  expect((await rpc<Order[]>(page, 'listSessionOrders', { sessionId: 2 })).map((o) => o.total)).toEqual([1000]);
  expect((await rpc<Order[]>(page, 'listSessionOrders', { sessionId: 1 })).map((o) => o.total)).toEqual([4500, 23500, 12000, 120000]);
  expect(drawer.current!.report.byTender.qr).toEqual({ count: 1, amount: 2500 }); // the plain QR sale is in session 2
  // 일마감: the 정산 screen sums the day's sessions (cash 140,000 + 1,000; QR 20,000; −1,000 short)
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('drawer-day-summary')).toHaveAttribute('data-cash', '141000');
  await expect(page.getByTestId('drawer-day-summary')).toHaveAttribute('data-qr', '22500');
  await expect(page.getByTestId('day-cash-refunds')).toContainText('20,000');
  await expect(page.getByTestId('day-paid-out')).toContainText('3,000');
  await expect(page.getByTestId('day-over-short')).toContainText('-1,000');
  await expect(page.getByTestId('day-cash-receipts')).toContainText('112,000'); // 132,000 issued − 20,000 cancelled
  await expect(page.getByTestId('drawer-day-summary')).toHaveAttribute('data-over-short', '-1000');
  await shot(page, 'cash-08-day-close-sessions-1024');
  await page.getByTestId('settlement-receipt-preview').or(page.locator('.settlement__side')).first().screenshot({ path: 'test-results/screens/cash-09-day-close-printed-1024.png' });
});

test('the tender screen and the close dialog fit 1024×768 and 1280×800 in ko and en', async ({ page, shell }) => {
  test.setTimeout(180_000);
  await page.goto(shell.appUrl);
  await registerDemoStore(page, 'cash-fit');
  for (const [w, h] of [
    [1024, 768],
    [1280, 800],
  ] as const) {
    for (const lang of ['ko', 'en'] as const) {
      await rpc(page, 'updateSettings', { language: lang });
      await page.setViewportSize({ width: w, height: h });
      await page.reload();
      await ringUp(page, [23500, 1200]);
      await page.keyboard.press('F8');
      await expect(page.getByTestId('tender-screen')).toBeVisible();
      await page.getByTestId('cr-purpose').selectOption('소득공제');
      await page.getByTestId('cash-amount').fill('4700');
      await page.getByTestId('cash-received').fill('10000');
      for (const id of ['cash-submit', 'qr-submit', 'tender-void', 'tender-change']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.x + box!.width, `${id} right edge at ${w}×${h} ${lang}`).toBeLessThanOrEqual(w + 0.5); // sub-pixel rounding
        expect(box!.y + box!.height, `${id} bottom at ${w}×${h} ${lang}`).toBeLessThanOrEqual(h - 32); // above the status bar
      }
      await shot(page, `cash-fit-tender-${w}x${h}-${lang}`);
      await page.getByTestId('tender-void').click();
      await page.getByTestId('tender-new-sale').click();
      // 마감 with a count 1,000원 short (the float was 100,000), its report, then 개점 again
      await page.getByTestId('drawer-close').click();
      await expect(page.getByTestId('close-submit')).toBeVisible();
      await page.getByTestId('count-50000').fill('1');
      await page.getByTestId('count-10000').fill('4');
      await page.getByTestId('count-1000').fill('9');
      await expect(page.getByTestId('close-over-short')).toContainText(/-\S*1,000/);
      const box = await page.getByTestId('close-submit').boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(h);
      await shot(page, `cash-fit-close-${w}x${h}-${lang}`);
      await page.getByTestId('close-submit').click();
      await expect(page.getByTestId('drawer-report-text')).toContainText(/-1,000/);
      await shot(page, `cash-fit-report-${w}x${h}-${lang}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('drawer-open').click();
      await expect(page.getByTestId('float-total')).toBeVisible();
      await page.getByTestId('float-total').fill('100000');
      await shot(page, `cash-fit-open-${w}x${h}-${lang}`);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('drawer-bar')).toHaveAttribute('data-state', 'open');
    }
  }
});
