/**
 * 분석 end to end in the web shell, under the app's real CSP: after a few sales (one partly cancelled)
 * the four charts draw (their canvases have ink), the totals beside them match the ledger, the busiest
 * hour and weekday are the Seoul ones of the sales; a period without sales shows its empty state; no
 * Content-Security-Policy violation is reported while Chart.js renders.
 */
import type { Page } from '@playwright/test';
import type { Payment } from '../../../shared/contract';
import { issueDemoQr, registerDemoStore, rpc, shot } from '../flows';
import { expect, test } from './web-shell.fixture';

const WEEKDAY_KO = ['일', '월', '화', '수', '목', '금', '토'];

/** How many pixels of a chart's canvas are drawn on (not transparent). */
async function ink(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).locator('canvas').evaluate((c) => {
    const canvas = c as unknown as { width: number; height: number; getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

test('analytics: charts render under the CSP and their totals match the ledger', async ({ page, shell }) => {
  test.setTimeout(90_000);
  const violations: string[] = [];
  page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
  page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    const g = globalThis as unknown as { __csp: string[]; addEventListener(t: string, l: (e: { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number; columnNumber: number }) => void): void };
    g.__csp = [];
    g.addEventListener('securitypolicyviolation', (e) => g.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  const res = await page.goto(shell.appUrl);
  expect(res?.headers()['content-security-policy']).toContain("default-src 'self'");
  await registerDemoStore(page, 'analytics');

  // Empty first: a sensible message, no charts.
  await page.getByTestId('go-checkout').click();
  await page.keyboard.press('Alt+6');
  await expect(page.getByTestId('analytics-screen')).toBeVisible();
  await expect(page.getByTestId('analytics-empty')).toBeVisible();
  await expect(page.getByTestId('analytics-net')).toHaveText('0원');
  await shot(page, 'analytics-01-empty');

  // Three sales and a partial cancel, through the core.
  const sale = async (prices: number[]) =>
    rpc<Payment>(page, 'checkout', { items: prices.map((p) => ({ name: '아메리카노', unitPrice: p, quantity: 1, taxFree: false })), qrText: await issueDemoQr(page) });
  const sales = [await sale([4500, 3000]), await sale([12_000]), await sale([2500])];
  for (const s of sales) expect(s.status).toBe('approved');
  const refunded = await rpc<Payment>(page, 'refundPayment', { paymentId: sales[1]!.id, amount: 5000 });
  expect(refunded.refundedAmount).toBe(5000);

  // The ledger's own figures for today.
  const ledger = (await rpc<Payment[]>(page, 'listPayments')).filter((p) => p.status === 'approved');
  const gross = ledger.reduce((s, p) => s + p.amount, 0);
  const net = gross - ledger.reduce((s, p) => s + p.refundedAmount, 0);
  expect([gross, net]).toEqual([22_000, 17_000]);

  // The screen followed the sales by itself (payment.updated), last 7 days by default.
  await expect(page.getByTestId('analytics-preset-7d')).toHaveAttribute('aria-pressed', 'true');
  const totals = page.getByTestId('analytics-totals');
  await expect(totals).toHaveAttribute('data-net', String(net));
  await expect(totals).toHaveAttribute('data-gross', String(gross));
  await expect(totals).toHaveAttribute('data-refunded', '5000');
  await expect(totals).toHaveAttribute('data-count', '3');
  await expect(page.getByTestId('analytics-net')).toHaveText('17,000원');
  await expect(page.getByTestId('analytics-average')).toHaveText('5,667원');
  for (const id of ['hour', 'weekday', 'method']) {
    const total = page.getByTestId(`analytics-${id}-total`);
    await expect(total).toHaveAttribute('data-net', String(net));
    await expect(total).toHaveAttribute('data-count', '3');
    await expect(total).toContainText('17,000원 · 3건');
    await expect.poll(() => ink(page, `analytics-chart-${id}`), { message: `${id} chart drawn` }).toBeGreaterThan(500);
  }
  // Seoul hour and weekday of the sales (approved just now).
  const seoul = new Date(Date.parse(ledger[0]!.approvedAt!) + 9 * 3600_000);
  await expect(page.getByTestId('analytics-hour-peak')).toContainText(`${seoul.getUTCHours()}시 (17,000원)`);
  await expect(page.getByTestId('analytics-weekday-peak')).toContainText(`${WEEKDAY_KO[seoul.getUTCDay()]} (17,000원)`);
  // Methods: the ledger's. Issue 12: sales by product / category took the 업종-code chart's place; these
  // typed lines show as typed items, and their net adds up to the period's.
  await expect(page.getByTestId('analytics-method-table')).toContainText('계좌이체');
  const productNets = await page.getByTestId('sales-product-row').evaluateAll((rows) => rows.map((r) => Number((r as unknown as { dataset: { net: string } }).dataset.net)));
  expect(productNets.reduce((a, b) => a + b, 0)).toBe(net);
  await expect(page.getByTestId('sales-by-product')).toContainText('(직접 입력)');
  await shot(page, 'analytics-02-charts');

  // 오늘 and 이번 달 hold the same sales; a period long ago is empty.
  await page.getByTestId('analytics-preset-today').click();
  await expect(page.getByTestId('analytics-preset-today')).toHaveAttribute('aria-pressed', 'true');
  await expect(totals).toHaveAttribute('data-net', String(net));
  await page.getByTestId('analytics-preset-month').click();
  await expect(totals).toHaveAttribute('data-net', String(net));
  await page.getByTestId('analytics-to').fill('2020-01-31');
  await page.getByTestId('analytics-from').fill('2020-01-01');
  await expect(page.getByTestId('analytics-empty')).toBeVisible();
  await expect(totals).toHaveAttribute('data-count', '0');
  await page.getByTestId('analytics-preset-30d').click();
  await expect(totals).toHaveAttribute('data-net', String(net));

  // In English, the same figures.
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('tab-analytics')).toHaveText('Analytics');
  await expect(page.getByTestId('analytics-hour-total')).toContainText('17,000');
  await expect.poll(() => ink(page, 'analytics-chart-hour')).toBeGreaterThan(500);
  await shot(page, 'analytics-03-english');

  expect(violations).toEqual([]);
  expect(await page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp)).toEqual([]);
});
