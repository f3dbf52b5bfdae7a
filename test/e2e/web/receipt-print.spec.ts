/**
 * Receipts end to end: the printer is set up through the 설정 screen (TCP to the ESC/POS emulator on
 * loopback), a sale prints by itself, the result screen previews it and follows the job to 인쇄 완료,
 * the emulator reads the paper back in Korean, R reprints a copy marked 재발행, the test print works,
 * and a printer out of paper holds the receipt (용지 없음) until paper is loaded, then prints it once.
 */
import type { Page } from '@playwright/test';
import type { Payment, PrintJobView } from '../../../shared/contract';
import { formatKrw } from '../../../shared/domain/money';
import { EscPosPrinterEmulator } from '../../emulators/escpos-printer';
import { issueDemoQr, registerDemoStore, rpc, shot, STORE, wedgeScan } from '../flows';
import { expect, test } from './web-shell.fixture';

let emu: EscPosPrinterEmulator;
test.beforeEach(async () => {
  emu = await EscPosPrinterEmulator.start({ columns: 42 });
});
test.afterEach(async () => {
  await emu.close();
});

/** 설정 → 영수증 프린터: TCP 127.0.0.1:<port>, 80mm 42칸, footer; a bad port is caught before saving. */
async function setUpPrinter(page: Page, port: number): Promise<void> {
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('settings-screen')).toBeVisible();
  await expect(page.getByTestId('tab-settings')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('printer-status')).toHaveAttribute('data-state', 'none');
  await expect(page.getByTestId('printer-status')).toContainText('미설정');

  await page.getByTestId('printer-transport').focus();
  await page.getByTestId('printer-transport').selectOption('tcp');
  await page.getByTestId('printer-host').click();
  await page.keyboard.type('127.0.0.1');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('printer-port')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('70000');
  await page.keyboard.press('Enter'); // submits the printer form: refused on the client
  await expect(page.getByTestId('printer-port-error')).toContainText('1–65535');
  await expect(page.getByTestId('printer-error')).toBeVisible();
  await expect(page.getByTestId('printer-port')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(String(port));
  await page.getByTestId('printer-columns').selectOption('42');
  await page.getByTestId('printer-footer').fill('또 오세요');
  await expect(page.getByTestId('printer-saved')).toHaveAttribute('data-state', 'dirty');
  await expect(page.getByTestId('test-print')).toBeDisabled(); // tests run on the saved printer only
  await page.getByTestId('settings-save').click(); // the one 저장 bar for the whole screen
  await expect(page.getByTestId('printer-saved')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('printer-error')).toHaveCount(0);
  await expect(page.getByTestId('printer-status')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('printer-status')).toContainText('정상');

  const saved = (await rpc<{ printer: unknown }>(page, 'getSettings')).printer;
  expect(saved).toMatchObject({ profile: 'epson', transport: { kind: 'tcp', host: '127.0.0.1', port }, columns: 42, autoPrint: true, footer: '또 오세요' });
}

/** Rings up the prices by keyboard, scans a demo QR like a wedge scanner, stops on the approved result. */
async function sellToResult(page: Page, prices: readonly number[]): Promise<Payment> {
  await page.keyboard.press('Alt+1');
  const price = page.getByTestId('price-input');
  await expect(price).toBeVisible();
  await price.focus();
  for (const p of prices) {
    await page.keyboard.type(String(p));
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('cart-lines').locator('li, tr')).toHaveCount(prices.length);
  const qr = await issueDemoQr(page);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await wedgeScan(page, qr);
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  const tid = ((await page.getByTestId('result-tid').textContent()) ?? '').trim();
  const payment = (await rpc<Payment[]>(page, 'listPayments')).find((p) => p.tid === tid);
  expect(payment).toBeDefined();
  return payment!;
}

/** Display width of every preview line, measured in the page (the text, not the line box). */
async function previewLineWidths(page: Page): Promise<{ widths: number[]; box: number }> {
  return page.getByTestId('receipt-preview').evaluate((fig) => {
    const doc = fig.ownerDocument;
    const widths = [...fig.querySelectorAll('.receipt-paper__line')].map((line) => {
      const r = doc.createRange();
      r.selectNodeContents(line);
      return r.getBoundingClientRect().width;
    });
    return { widths, box: fig.querySelector('.receipt-paper__text')!.getBoundingClientRect().width };
  });
}

/** "6,818원": how the receipt writes an amount. */
const won = (n: number) => formatKrw(n, 'ko');

test('receipt: printer set in 설정, sale auto-prints in Korean, preview matches, R reprints 재발행, test print', async ({ page, shell }) => {
  await page.goto(shell.appUrl);
  await registerDemoStore(page, 'receipt');
  await setUpPrinter(page, emu.port);

  const p = await sellToResult(page, [4500, 3000]);
  const state = page.getByTestId('print-state');
  await expect(state).toHaveAttribute('data-status', 'printed');
  await expect(state).toContainText('인쇄 완료');
  await expect(state).toHaveAttribute('data-copy', 'original');
  const preview = page.getByTestId('receipt-preview');
  await expect(preview).toHaveAttribute('data-columns', '42');
  for (const s of [STORE.name, '220-81-62517', '공급가액', won(p.supply), '부가세', won(p.vat), p.tid!, '또 오세요']) await expect(preview).toContainText(s);
  await expect(page.getByTestId('reprint-receipt')).toHaveText('재발행 (R)');

  // Every line of the preview is exactly 42 cells: the same width on screen, Hangul two cells.
  const { widths, box } = await previewLineWidths(page);
  expect(widths.length).toBeGreaterThan(20);
  for (const w of widths) expect(Math.abs(w - box)).toBeLessThan(0.5);
  await shot(page, 'receipt-01-result-preview');

  // What came out of the printer: one receipt, in Korean, the payment's figures, the same lines as the preview.
  await expect.poll(() => emu.receipts.length).toBe(1);
  expect(emu.errors).toEqual([]);
  const printed = emu.receipts[0]!.lines;
  const paper = printed.join('\n');
  for (const s of [STORE.name, '사업자등록번호', '220-81-62517', '공급가액', won(p.supply), '부가세', won(p.vat), p.tid!, p.orderId, '또 오세요']) expect(paper).toContain(s);
  expect(paper).not.toContain('재발행');
  expect(paper).not.toContain('\ufffd');
  const previewText = (await rpc<{ text: string[] }>(page, 'getReceiptPreview', { paymentId: p.id })).text;
  expect(printed).toEqual(previewText);

  // R: a second copy marked 재발행 (the original is never sent twice).
  await expect(page.getByTestId('result')).toHaveAttribute('data-enter-armed', 'true');
  await page.keyboard.press('r');
  await expect.poll(() => emu.receipts.length).toBe(2);
  expect(emu.receipts[1]!.lines.join('\n')).toContain('재발행');
  expect(emu.receipts[1]!.lines.join('\n')).toContain(p.tid!);
  await expect(state).toHaveAttribute('data-copy', 'reprint');
  await expect(state).toHaveAttribute('data-status', 'printed');
  const jobs = await rpc<PrintJobView[]>(page, 'listPrintJobs', { paymentId: p.id });
  expect(jobs.map((j) => [j.copy, j.status])).toEqual([
    ['reprint', 'printed'],
    ['original', 'printed'],
  ]);

  // Enter is still the result's main action: a new sale.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('price-input')).toBeVisible();

  // 테스트 인쇄 from the settings screen.
  await page.keyboard.press('Alt+4');
  await page.getByTestId('test-print').click();
  const result = page.getByTestId('test-print-result');
  await expect(result).toHaveAttribute('data-printed', 'true');
  await expect(result).toContainText('인쇄 완료');
  await expect(result).toContainText('성공');
  await expect.poll(() => emu.receipts.length).toBe(3);
  expect(emu.receipts[2]!.lines.join('\n')).toMatch(/프\s+린\s+터\s+테\s+스\s+트/); // double size
  await shot(page, 'receipt-02-settings');
  await page.getByTestId('printer-check').click();
  await expect(page.getByTestId('printer-check-result')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('printer-check-result')).toContainText('정상');

  // The same screen in English (the settings' language choice is the top bar's toggle).
  await page.getByTestId('settings-lang-en').check();
  await expect(page.getByTestId('tab-settings')).toHaveText('Settings');
  await expect(page.getByTestId('printer-check-result')).toContainText('Printer status: Ready');
  await page.getByTestId('settings-lang-ko').check();
  await expect(page.getByTestId('tab-settings')).toHaveText('설정');
});

test('receipt: printer out of paper — 용지 없음 on the result screen, printed once after paper is loaded', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await page.goto(shell.appUrl);
  await registerDemoStore(page, 'receipt-paper');
  await setUpPrinter(page, emu.port);

  emu.setFault('paper_out');
  const p = await sellToResult(page, [5000]);
  const state = page.getByTestId('print-state');
  await expect(state).toHaveAttribute('data-reason', 'paper_out', { timeout: 15_000 });
  await expect(state).toContainText('용지 없음');
  await expect(state).not.toHaveAttribute('data-status', 'printed');
  await expect(page.getByTestId('printer-status')).toHaveAttribute('data-state', 'paper_out');
  await shot(page, 'receipt-03-paper-out');
  expect(emu.receipts).toHaveLength(0);

  emu.recover(); // paper loaded: the core sees it and the printer finishes the same job
  await expect(state).toHaveAttribute('data-status', 'printed', { timeout: 20_000 });
  await expect(state).toContainText('인쇄 완료');
  await expect(page.getByTestId('printer-status')).toHaveAttribute('data-state', 'ok');
  await expect.poll(() => emu.receipts.length).toBe(1);
  await page.waitForTimeout(1500); // nothing else comes out
  expect(emu.receipts).toHaveLength(1);
  expect(emu.receipts[0]!.lines.join('\n')).toContain(p.tid!);
  const jobs = await rpc<PrintJobView[]>(page, 'listPrintJobs', { paymentId: p.id });
  expect(jobs.map((j) => [j.copy, j.status])).toEqual([['original', 'printed']]);
  await shot(page, 'receipt-04-paper-loaded');
});

test('receipt: link lost after the bytes went out — "may have printed", the retry asks first and prints 재발행', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(shell.appUrl);
  await registerDemoStore(page, 'receipt-unsure');
  await setUpPrinter(page, emu.port);

  emu.dropAfterBytes = 400; // the printer takes part of the job, then the connection drops
  const p = await sellToResult(page, [4500]);
  const state = page.getByTestId('print-state');
  await expect(state).toHaveAttribute('data-status', 'failed', { timeout: 15_000 });
  await expect(state).toContainText('영수증이 나왔는지 먼저 확인하세요');
  const retry = page.getByTestId('retry-print');
  await expect(retry).toHaveAttribute('data-plan', 'confirm-reprint');
  await retry.click();
  const confirm = page.getByTestId('print-confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('용지를 먼저 확인하세요');
  await expect(page.getByTestId('print-confirm-yes')).toHaveText('재발행 인쇄');
  await expect(confirm).toBeInViewport();
  await shot(page, 'receipt-05-unsure-confirm-ko-1024');
  await page.setViewportSize({ width: 1280, height: 800 });
  await confirm.scrollIntoViewIfNeeded();
  await shot(page, 'receipt-05-unsure-confirm-ko-1280');
  await page.getByTestId('lang-toggle').click();
  await expect(confirm).toContainText('Check the paper first');
  await expect(page.getByTestId('print-confirm-yes')).toHaveText('Print reprint');
  await confirm.scrollIntoViewIfNeeded();
  await shot(page, 'receipt-05-unsure-confirm-en-1280');
  await page.setViewportSize({ width: 1024, height: 768 });
  await confirm.scrollIntoViewIfNeeded();
  await shot(page, 'receipt-05-unsure-confirm-en-1024');

  // 인쇄 안 함 closes the question; nothing is sent.
  const before = emu.received;
  await page.getByTestId('print-confirm-no').click();
  await expect(confirm).toHaveCount(0);
  expect(emu.received).toBe(before);

  // Confirmed: a new copy marked 재발행, the failed 원본 is never sent again.
  emu.dropAfterBytes = undefined;
  await page.getByTestId('lang-toggle').click();
  await retry.click();
  await page.getByTestId('print-confirm-yes').click();
  await expect(state).toHaveAttribute('data-status', 'printed', { timeout: 15_000 });
  await expect(state).toHaveAttribute('data-copy', 'reprint');
  const last = emu.receipts.at(-1)!.lines.join('\n');
  expect(last).toContain('[재발행]');
  expect(last).toContain(p.tid!);
  const jobs = await rpc<PrintJobView[]>(page, 'listPrintJobs', { paymentId: p.id });
  expect(jobs.map((j) => [j.copy, j.status])).toEqual([
    ['reprint', 'printed'],
    ['original', 'failed'],
  ]);
  await shot(page, 'receipt-06-unsure-reprinted');
});
