/**
 * History and settlement end to end in the web shell: three sales with the demo QR (one with a 면세
 * item), a partial and a full cancel from the history's detail view (keyboard: Enter opens, C cancels,
 * Enter confirms), the settlement screen's figures against the ledger's and against figures worked out
 * by hand, closing the day (F9, Enter), the closed report printed on the ESC/POS emulator exactly as
 * previewed, and a second close refused. Screens go to test-results/screens/ledger-*.png.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { PaymentDetail, PrintJobView, ReceiptPreviewView, Settlement } from '../../../shared/contract';
import { DEFAULT_PRINTER_SETTINGS } from '../../../shared/domain/receipt/printer-settings';
import { seoulDay } from '../../../shared/domain/time';
import { EscPosPrinterEmulator } from '../../emulators/escpos-printer';
import { registerDemoStore, rpc, shot } from '../flows';
import { sell, won } from '../ledger-flows';
import { expect, test } from './web-shell.fixture';

let emu: EscPosPrinterEmulator;
test.beforeEach(async () => {
  emu = await EscPosPrinterEmulator.start({ columns: 42 });
});
test.afterEach(async () => {
  await emu.close();
});

/** Opens a payment's detail from the history list by keyboard: focus its row, Enter. */
async function openDetail(page: Page, id: number): Promise<void> {
  const row = page.locator(`[data-testid="history-row"][data-id="${id}"]`);
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment-detail')).toHaveAttribute('data-id', String(id));
}

/** C → the dialog with the whole refundable amount; a part typed over it; Enter (a full one: Enter again); the outcome; Enter closes. */
async function refund(page: Page, amount: number | null, screen: string): Promise<void> {
  await page.keyboard.press('c');
  const dialog = page.getByTestId('refund-dialog');
  await expect(dialog).toBeVisible();
  const input = page.getByTestId('refund-amount');
  await expect(input).toBeFocused();
  if (amount !== null) await page.keyboard.type(String(amount)); // the default is selected: typing replaces it
  await shot(page, `${screen}-dialog`);
  const refundable = (await page.getByTestId('refund-refundable').textContent()) ?? '';
  await page.keyboard.press('Enter');
  if (amount === null) {
    // a full refund: its amount shown once more, Enter again
    await expect(page.getByTestId('refund-full-confirm')).toBeVisible();
    await expect(page.getByTestId('refund-full-amount')).toHaveText(refundable);
    await shot(page, `${screen}-confirm`);
    await page.keyboard.press('Enter');
  }
  const outcome = page.getByTestId('refund-outcome');
  await expect(outcome).toHaveAttribute('data-status', 'cancelled');
  await expect(outcome).toContainText('취소 완료');
  await shot(page, `${screen}-done`);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
}

test('settlement: sales and cancels from the detail view, figures on screen = ledger = by hand, close, printed report', async ({ page, shell }) => {
  test.setTimeout(150_000);
  await page.goto(shell.appUrl);
  await registerDemoStore(page, 'ledger-setup');
  await rpc(page, 'updateSettings', { printer: { ...DEFAULT_PRINTER_SETTINGS, columns: 42, transport: { kind: 'tcp', host: '127.0.0.1', port: emu.port } } });
  await page.reload(); // the renderer reads the printer settings on start (the 설정 screen path is receipt-print.spec.ts)
  await expect(page.getByTestId('printer-status')).toHaveAttribute('data-state', 'ok');

  const a = await sell(page, [
    { name: '아메리카노', price: 4500 },
    { name: '샌드위치', price: 3000 },
  ]);
  const b = await sell(page, [{ name: '치즈케이크', price: 10_000 }]);
  const c = await sell(page, [
    { name: '생수', price: 2000, taxFree: true },
    { name: '쿠키', price: 3000 },
  ]);
  expect(c.taxFree).toBe(2000);

  // History: today's three, newest first; a filter; an empty result.
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('history-row')).toHaveCount(3);
  await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-id', String(c.id));
  await expect(page.getByTestId('history-count')).toContainText('3건');
  await shot(page, 'ledger-01-history');
  await page.getByTestId('filter-min').fill('6000');
  await page.getByTestId('filter-min').press('Enter');
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  await page.getByTestId('filter-query').fill(b.tid!);
  await page.getByTestId('filter-query').press('Enter');
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row')).toContainText('치즈케이크');
  await shot(page, 'ledger-02-history-filtered');
  await page.getByTestId('filter-state').selectOption('refunded_full');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('history-empty')).toContainText('조건에 맞는 거래가 없습니다');
  await shot(page, 'ledger-03-history-empty');
  await page.getByTestId('filter-reset').click();
  await expect(page.getByTestId('history-row')).toHaveCount(3);

  // B: a partial cancel of 4,000.
  await openDetail(page, b.id);
  const detail = page.getByTestId('payment-detail');
  await expect(page.getByTestId('detail-total')).toHaveText(won(10_000));
  await expect(page.getByTestId('detail-vat')).toHaveText(won(909));
  await expect(page.getByTestId('detail-supply')).toHaveText(won(9091));
  await expect(page.getByTestId('print-state')).toHaveAttribute('data-status', 'printed');
  await shot(page, 'ledger-04-detail');
  await refund(page, 4000, 'ledger-05-refund-partial');
  await expect(detail).toHaveAttribute('data-state', 'refunded_partial');
  await expect(page.getByTestId('detail-state')).toHaveText('부분취소');
  await expect(page.getByTestId('detail-refunded')).toHaveText(won(-4000));
  await expect(page.getByTestId('detail-refund')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('detail-events').locator('[data-status="refund.cancelled"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="detail-job"][data-kind="cancel"]')).toHaveAttribute('data-status', 'printed'); // cancel receipt printed by itself
  await shot(page, 'ledger-06-detail-after-refund');
  await page.locator('main.screen.history').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await shot(page, 'ledger-06b-detail-after-refund-bottom');
  await page.locator('main.screen.history').evaluate((el) => el.scrollTo(0, 0));
  const bDetail = await rpc<PaymentDetail>(page, 'getPaymentDetail', { id: b.id });
  expect(bDetail.events.map((e) => e.status).slice(-3)).toEqual(['refund.created', 'refund.cancel_requested', 'refund.cancelled']);

  // C: the whole amount (the default), tax-free part and all.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('history-row')).toHaveCount(3);
  await expect(page.locator(`[data-testid="history-row"][data-id="${b.id}"]`)).toHaveAttribute('data-state', 'refunded_partial');
  await expect(page.locator(`[data-testid="history-row"][data-id="${a.id}"]`)).toHaveAttribute('data-state', 'approved');
  await expect(page.locator(`[data-testid="history-row"][data-id="${b.id}"]`)).toBeFocused(); // back where the cashier was
  await openDetail(page, c.id);
  await refund(page, null, 'ledger-07-refund-full');
  await expect(detail).toHaveAttribute('data-state', 'refunded_full');
  await expect(page.getByTestId('detail-refund')).toContainText('면세 2,000원');
  await expect(page.getByTestId('detail-refund')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('detail-refund-button')).toBeDisabled(); // nothing left to cancel

  // Every receipt printed (3 sales, 2 cancels) before closing: no warning about receipts.
  await expect.poll(async () => (await rpc<PrintJobView[]>(page, 'listPrintJobs')).filter((j) => j.status === 'printed').length, { timeout: 20_000 }).toBe(5);

  // Settlement: what the ledger says, and what it must say.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+5');
  const screen = page.getByTestId('settlement-screen');
  await expect(screen).toBeVisible();
  const day = seoulDay(new Date());
  await expect(screen).toHaveAttribute('data-day', day);
  const live = await rpc<Settlement>(page, 'getSettlement', { day });
  const r = live.report;
  // by hand: sales 7,500 (VAT 682) + 10,000 (VAT 909) + 5,000 with 2,000 tax-free (VAT 273);
  // cancels 4,000 (VAT 364) and 5,000 in full (2,000 tax-free, VAT 273)
  expect(r.sales).toEqual({ count: 3, amount: 22_500, vat: 1864, taxFree: 2000, supply: 18_636 });
  expect(r.cancels).toEqual({ count: 2, amount: 9000, vat: 637, taxFree: 2000, supply: 6363, fullCount: 1 });
  expect(r.net).toEqual({ amount: 13_500, vat: 1227, taxFree: 0, supply: 12_273 });
  expect(r.byMethod).toHaveLength(1);
  expect(r.byMethod[0]).toMatchObject({ salesCount: 3, salesAmount: 22_500, cancelCount: 2, cancelAmount: 9000, net: 13_500 });
  expect(r.warnings.unprintedReceipts.count).toBe(0);
  expect(r.warnings.unfinishedPayments.count).toBe(0);

  await expect(page.getByTestId('settlement-net')).toHaveText(won(r.net.amount));
  await expect(page.getByTestId('settlement-sales-amount')).toHaveText(won(r.sales.amount));
  await expect(page.getByTestId('settlement-sales-count')).toHaveText(`${r.sales.count}건`);
  await expect(page.getByTestId('settlement-cancel-amount')).toHaveText(won(-r.cancels.amount));
  await expect(page.getByTestId('settlement-cancel-count')).toContainText('2건 (전액 1 · 부분 1)');
  await expect(page.getByTestId('settlement-supply')).toHaveText(won(r.net.supply));
  await expect(page.getByTestId('settlement-vat-amount')).toHaveText(won(r.net.vat));
  await expect(page.getByTestId('settlement-tax-free')).toHaveText(won(r.net.taxFree));
  const methodRow = page.getByTestId('settlement-method');
  await expect(methodRow).toHaveCount(1);
  for (const s of ['3', won(22_500), '2', won(-9000), won(13_500)]) await expect(methodRow).toContainText(s);
  await expect(page.getByTestId('settlement-no-warnings')).toBeVisible();
  await expect(page.getByTestId('settlement-status')).toHaveText('마감 전');
  await expect(page.getByTestId('receipt-preview')).toContainText('중간 집계');
  await shot(page, 'ledger-08-settlement-open');

  // F9: the close dialog; Enter closes the day; the frozen report prints by itself.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('close-day-dialog')).toBeVisible();
  await expect(page.getByTestId('close-day-confirm')).toBeFocused();
  await shot(page, 'ledger-09-close-dialog');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('close-day-dialog')).toHaveCount(0);
  await expect(screen).toHaveAttribute('data-closed', 'true');
  await expect(page.getByTestId('settlement-status')).toContainText('마감 완료');
  await expect(page.getByTestId('settlement-close')).toHaveCount(0);
  await expect(page.getByTestId('settlement-print-state')).toHaveAttribute('data-status', 'printed', { timeout: 20_000 });
  await expect(page.getByTestId('receipt-preview')).not.toContainText('중간 집계');
  await shot(page, 'ledger-10-settlement-closed');

  const preview = await rpc<ReceiptPreviewView>(page, 'getSettlementPreview', { day });
  await expect.poll(() => emu.receipts.length).toBe(6); // 3 sales, 2 cancels, the report
  const printed = emu.receipts[5]!.lines;
  writeFileSync('test-results/screens/ledger-11-printed-settlement.txt', printed.join('\n') + '\n');
  expect(emu.errors).toEqual([]);
  expect(printed).toEqual(preview.text);
  const paper = printed.join('\n');
  expect(paper).toMatch(/일\s+마\s+감\s+정\s+산\s+서/);
  for (const s of ['하나카페 을지로점', '220-81-62517', day, won(22_500), won(-9000), won(12_273), won(1227), '전액취소 / 부분취소']) expect(paper).toContain(s);

  const closed = await rpc<Settlement>(page, 'getSettlement', { day });
  expect(closed.closedAt).not.toBeNull();
  expect(closed.report.net).toEqual(r.net);
  await expect(rpc(page, 'closeDay', { day, acknowledgeWarnings: true })).rejects.toThrow(/DAY_ALREADY_CLOSED/);

  // P: a copy marked 재발행.
  await page.keyboard.press('p');
  await expect.poll(() => emu.receipts.length).toBe(7);
  expect(emu.receipts[6]!.lines.join('\n')).toContain('재발행');

  // The same screen in English.
  await rpc(page, 'updateSettings', { language: 'en' });
  await page.reload();
  await expect(page.getByTestId('tab-settlement')).toHaveText('Settlement');
  await expect(page.getByTestId('tab-settlement')).toBeEnabled();
  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('settlement-status')).toContainText('Closed');
  await shot(page, 'ledger-12-settlement-en');
  await rpc(page, 'updateSettings', { language: 'ko' });
});
