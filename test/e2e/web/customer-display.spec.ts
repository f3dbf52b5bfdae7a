/**
 * The customer side of the counter in the web shell: the customer display as a second page (same
 * origin, same token) following a sale scanned with the demo QR, a declined sale, and merchant-presented
 * QR sales (OneQ Pay and Kakao Pay dialects) completed from a third page acting as the customer's phone
 * (the simulator's phone page: pick the customer and method, password 000000). Screenshots of every
 * display phase and of the phone under test-results/screens/.
 */
import type { Browser, Page } from '@playwright/test';
import { issueDemoQr, registerDemoStore, rpc, shot, wedgeScan } from '../flows';
import { decodeQrImage } from '../qr-decode';
import { expect, test } from './web-shell.fixture';

const phase = (display: Page) => display.getByTestId('customer-display');

async function openDisplay(page: Page): Promise<Page> {
  const [display] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('open-display').click()]);
  await display.setViewportSize({ width: 1280, height: 800 });
  await expect(phase(display)).toHaveAttribute('data-phase', 'idle');
  await expect(display).toHaveURL(/#\/display$/); // the token left the address bar, the route stayed
  return display;
}

async function ringUp(page: Page, prices: string[]): Promise<void> {
  await page.getByTestId('tab-checkout').click();
  const price = page.getByTestId('price-input');
  await price.focus();
  for (const p of prices) {
    await page.keyboard.type(p);
    await page.keyboard.press('Enter');
  }
}

/** Decodes the QR the display drew (its pixels, not its data attribute). */
const decodeShownQr = (display: Page) => decodeQrImage(display.getByTestId('display-qr'));

test('the customer display follows a scanned sale: items and total, scan prompt, 승인, thanks; a decline says why', async ({ page, shell }) => {
  await page.goto(shell.appUrl);
  await registerDemoStore(page, 'cd');
  await page.getByTestId('tab-checkout').click();
  const display = await openDisplay(page);
  await expect(display.getByText('어서 오세요')).toBeVisible();
  await expect(display.getByText('Welcome')).toBeVisible();
  await expect(display.getByText('하나카페 을지로점')).toBeVisible();
  await shot(display, 'display-01-idle');

  await ringUp(page, ['4500', '3000']);
  await expect(phase(display)).toHaveAttribute('data-phase', 'cart');
  await expect(display.getByTestId('display-item')).toHaveCount(2);
  await expect(display.getByTestId('display-amount')).toHaveText('7,500원');
  await shot(display, 'display-02-cart');

  await page.keyboard.press('F2');
  await expect(phase(display)).toHaveAttribute('data-phase', 'awaiting_scan');
  await expect(display.getByText('QR을 스캔해 주세요')).toBeVisible();
  await expect(display.getByText('Please scan your QR')).toBeVisible();
  await shot(display, 'display-03-awaiting-scan');

  await display.reload(); // a reload shows the same state (fetched), with the token kept for the tab
  await expect(phase(display)).toHaveAttribute('data-phase', 'awaiting_scan');
  await expect(display.getByTestId('display-amount')).toHaveText('7,500원');

  await wedgeScan(page, await issueDemoQr(page));
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  await expect(phase(display)).toHaveAttribute('data-phase', 'approved');
  await expect(display.getByText('결제 완료')).toBeVisible();
  await shot(display, 'display-04-approved');
  await expect(page.getByTestId('result')).toHaveAttribute('data-enter-armed', 'true');
  await page.keyboard.press('Enter'); // new sale at once: the thank-you still runs
  await expect(phase(display)).toHaveAttribute('data-phase', 'thanks', { timeout: 6000 });
  await expect(display.getByText('감사합니다')).toBeVisible();
  await shot(display, 'display-05-thanks');
  await expect(phase(display)).toHaveAttribute('data-phase', 'idle', { timeout: 10_000 });

  // a decline: a customer with 1,000원 on the account
  const info = await rpc<{ backend: { url: string } }>(page, 'getAppInfo');
  await page.request.post(`${info.backend.url}/wallet/api/customers`, { data: { id: 'e2e-poor', name: '박잔액', accounts: [{ balance: 1000, alias: '용돈' }] } });
  const poorQr = (await (await page.request.post(`${info.backend.url}/wallet/api/customers/e2e-poor/qr`, { data: { method: '계좌' } })).json()) as { qr_text: string };
  await ringUp(page, ['12000']);
  await expect(display.getByTestId('display-amount')).toHaveText('12,000원');
  await page.keyboard.press('F2');
  await wedgeScan(page, poorQr.qr_text);
  await expect(page.getByTestId('result-status')).toContainText('결제 실패');
  await expect(phase(display)).toHaveAttribute('data-phase', 'declined');
  await expect(display.getByText('결제가 거절되었습니다')).toBeVisible();
  await expect(display.getByTestId('display-reason')).toContainText('잔액이 부족합니다');
  await shot(display, 'display-06-declined');
  await page.getByTestId('retry').click(); // the cashier asks for another QR: the cart again
  await expect(phase(display)).toHaveAttribute('data-phase', 'awaiting_scan');

  // Phases too short to catch in a live sale, and a long cart on a full-HD screen: the page rendering a fetched state.
  const base = { seq: 1, storeName: '하나카페 을지로점', message: null, qrText: null, expiresAt: null, paymentId: 1, at: new Date().toISOString() };
  const many = Array.from({ length: 11 }, (_, i) => ({ name: i === 10 ? '유기농 제주 한라봉 착즙 주스 (대용량 1리터 병)' : `상품 ${i + 1}`, unitPrice: 1000 * (i + 1), quantity: (i % 3) + 1, taxFree: i === 5 }));
  const stills: { name: string; size: { width: number; height: number }; state: Record<string, unknown> }[] = [
    { name: 'display-09-processing', size: { width: 1280, height: 800 }, state: { ...base, phase: 'processing', items: [{ name: '아메리카노', unitPrice: 4500, quantity: 2, taxFree: false }], totals: { total: 9000, taxFree: 0, vat: 818, supply: 8182, quantity: 2 }, amount: 9000 } },
    { name: 'display-10-many-items-fullhd', size: { width: 1920, height: 1080 }, state: { ...base, phase: 'cart', items: many, totals: { total: 150000, taxFree: 12000, vat: 12545, supply: 125455, quantity: 22 }, amount: 150000 } },
  ];
  for (const st of stills) {
    const still = await page.context().newPage();
    await still.setViewportSize(st.size);
    await still.route('**/events**', (r) => r.abort());
    await still.route('**/rpc/getDisplayState', (r) => r.fulfill({ json: { ok: true, value: st.state } }));
    await still.goto(`${shell.url}/#/display`);
    await expect(phase(still)).toHaveAttribute('data-phase', String(st.state.phase));
    await shot(still, st.name);
    await still.close();
  }
});

for (const dialect of ['oneqpay', 'kakaopay'] as const) {
  test(`merchant-presented QR (${dialect}): the display shows a QR, a phone page approves it, the cashier sees 승인 완료`, async ({ page, shell, browser }) => {
    await page.goto(shell.appUrl);
    if (dialect === 'kakaopay') await rpc(page, 'updateSettings', { backend: { mode: 'embedded', dialect } });
    await registerDemoStore(page, `mpm-${dialect}`);
    await page.getByTestId('tab-checkout').click();
    const display = await openDisplay(page);
    await ringUp(page, ['4500', '3000']);
    await expect(display.getByTestId('display-amount')).toHaveText('7,500원');
    await shot(page, `cashier-mpm-${dialect}-01-cart`);

    // F4, then Esc: the request is withdrawn, the cart stays, nothing is charged
    await page.keyboard.press('F4');
    await expect(phase(display)).toHaveAttribute('data-phase', 'mpm_qr');
    await expect(page.getByTestId('mpm-panel')).toHaveAttribute('data-step', 'waiting');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('checkout-notice')).toContainText('취소했습니다'); // the cashier's own Esc: a neutral note
    await expect(page.getByTestId('checkout-error')).toHaveCount(0);
    await expect(page.getByTestId('cart-lines').locator('li, tr')).toHaveCount(2);
    await expect(phase(display)).toHaveAttribute('data-phase', 'cart');
    await shot(page, `cashier-mpm-${dialect}-01b-cancelled`);

    // F4 again: this time the customer pays on the phone
    await page.keyboard.press('F4');
    await expect(phase(display)).toHaveAttribute('data-phase', 'mpm_qr');
    await expect(display.getByText('휴대폰 카메라로 QR을 스캔해 주세요')).toBeVisible();
    await expect(display.getByTestId('display-time-left')).toContainText(/남은 시간 [23]:\d\d/);
    const url = await display.getByTestId('display-qr').getAttribute('data-qr-text');
    expect(url).toMatch(dialect === 'kakaopay' ? /\/kakaopay\/m\/T\d+$/ : /\/pay\/oneq\/transfer\?tid=\d+$/);
    expect(await decodeShownQr(display)).toBe(url);
    await shot(display, `display-07-mpm-qr-${dialect}`);
    await shot(page, `cashier-mpm-${dialect}-02-waiting`);

    const phone = await phonePage(browser);
    await phone.goto(url!);
    await expect(phone.getByText('고객을 선택하세요')).toBeVisible();
    await shot(phone, `phone-${dialect}-01-pick-customer`);
    await phone.getByRole('link', { name: /김하나/ }).click();
    await expect(phone.getByText('김하나님')).toBeVisible();
    await phone.locator('input[name="method_id"]').first().check();
    await phone.locator('input[name="pin"]').fill('000000');
    await shot(phone, `phone-${dialect}-02-method-password`);
    await phone.getByRole('button', { name: /7,500원 결제하기/ }).click();
    await expect(phone.getByText('결제 인증이 완료되었습니다')).toBeVisible();
    await shot(phone, `phone-${dialect}-03-authorized`);

    await expect(page.getByTestId('result-status')).toContainText('승인 완료', { timeout: 15_000 });
    await expect(page.getByTestId('result-amount')).toContainText('7,500');
    await shot(page, `cashier-mpm-${dialect}-03-approved`);
    await expect(phase(display)).toHaveAttribute('data-phase', /approved|thanks/);
    await shot(display, `display-08-mpm-approved-${dialect}`);
    await expect(page.getByTestId('result')).toHaveAttribute('data-enter-armed', 'true');
    await page.keyboard.press('Enter');
    await page.getByTestId('tab-history').click();
    const rows = page.getByTestId('history-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toHaveAttribute('data-status', 'approved');
    await expect(rows.first()).toContainText('7,500');
    await expect(page.locator('[data-testid="history-row"][data-status="failed"]')).toHaveCount(1); // the withdrawn request
    await phone.context().close();
  });
}

async function phonePage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 760 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'ko-KR' });
  return ctx.newPage();
}
