/** Cashier flows shared by the web-shell and Electron end-to-end tests: keyboard only, like a counter. */
import { expect, type Page } from '@playwright/test';

export const STORE = {
  businessNo: '2208162517',
  name: '하나카페 을지로점',
  representative: '김하나',
  phone: '02-1234-5678',
  address1: '서울특별시 중구',
  address2: '을지로 35 1층',
  postNo: '04523',
};

export const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

/** Calls a contract method from inside the page, through whichever shell is present (bridge or /rpc + token). */
export async function rpc<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  const res = await page.evaluate(
    async ([m, i]) => {
      // runs in the page (DOM types are not in the node tsconfig)
      const g = globalThis as unknown as { posBridge?: { invoke(m: string, i: unknown): Promise<unknown> }; sessionStorage: { getItem(k: string): string | null } };
      if (g.posBridge) return g.posBridge.invoke(m as string, i);
      const r = await fetch(`/rpc/${m as string}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${g.sessionStorage.getItem('pos.token') ?? ''}` }, body: JSON.stringify(i) });
      return r.json();
    },
    [method, input] as const,
  );
  const r = res as { ok: boolean; value?: T; error?: { code: string; detail?: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error?.code} ${r.error?.detail ?? ''}`);
  return r.value as T;
}

export const issueDemoQr = async (page: Page) => (await rpc<{ qrText: string }>(page, 'issueDemoQr')).qrText;

/** A keyboard-wedge scanner: the whole text at ~5 ms per key, then Enter. */
export async function wedgeScan(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
}

/**
 * 개점 with a float, as the cashier's dialog does (issue 13: every sale belongs to the open drawer session);
 * kept when one is already open. The checkout's drawer bar follows through drawer.updated.
 */
export async function openDrawerSession(page: Page, float = 100_000): Promise<void> {
  const state = await rpc<{ current: unknown }>(page, 'getDrawer');
  if (!state.current) await rpc(page, 'openDrawer', { float });
}

/** Onboards the demo store; then opens a drawer session unless `openDrawer: false` (a test of 개점 itself). */
export async function registerDemoStore(page: Page, prefix: string, o: { openDrawer?: boolean } = {}): Promise<string> {
  await expect(page.getByTestId('biz-no')).toBeVisible();
  await shot(page, `${prefix}-01-onboarding-empty`);
  await page.getByTestId('biz-no').focus();
  await page.keyboard.type(STORE.businessNo);
  await expect(page.getByTestId('biz-no')).toHaveValue('220-81-62517');
  await page.keyboard.press('Tab');
  await page.getByTestId('store-name').fill(STORE.name);
  await page.getByTestId('representative').fill(STORE.representative);
  await page.getByTestId('phone').fill(STORE.phone);
  await page.getByTestId('address1').fill(STORE.address1);
  await page.getByTestId('address2').fill(STORE.address2);
  await page.getByTestId('post-no').fill(STORE.postNo);
  await shot(page, `${prefix}-02-onboarding-filled`);
  await page.getByTestId('post-no').press('Enter');
  const cid = page.getByTestId('issued-cid');
  await expect(cid).toHaveText(/^[A-Z0-9]{10}$/);
  await shot(page, `${prefix}-03-onboarding-cid`);
  if (o.openDrawer !== false) await openDrawerSession(page);
  return (await cid.textContent()) ?? '';
}

/** Rings up two lines by keyboard, "scans" the demo QR with wedge timing, sees the approval and the history row. */
export async function completeSaleWithDemoQr(page: Page, prefix: string): Promise<{ tid: string }> {
  await page.getByTestId('tab-checkout').click();
  const price = page.getByTestId('price-input');
  await expect(price).toBeVisible();
  await price.focus();
  await page.keyboard.type('4500');
  await page.keyboard.press('Enter');
  await page.keyboard.type('3000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-lines').locator('li, tr')).toHaveCount(2);
  await expect(page.getByTestId('total-amount')).toContainText('7,500');
  await shot(page, `${prefix}-04-checkout-cart`);
  const qr = await issueDemoQr(page);
  await page.keyboard.press('F2');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await wedgeScan(page, qr);
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  await expect(page.getByTestId('result-amount')).toContainText('7,500');
  const tid = ((await page.getByTestId('result-tid').textContent()) ?? '').trim();
  expect(tid).toMatch(/\d+/);
  await shot(page, `${prefix}-05-result-approved`);
  await expect(page.getByTestId('result')).toHaveAttribute('data-enter-armed', 'true'); // Enter is ignored briefly so a scanner's trailing CR/LF cannot skip the result
  await page.keyboard.press('Enter'); // new sale
  await expect(page.getByTestId('price-input')).toBeVisible();
  await page.getByTestId('tab-history').click();
  const row = page.getByTestId('history-row').first();
  await expect(row).toHaveAttribute('data-status', 'approved');
  await expect(row).toContainText('7,500');
  await shot(page, `${prefix}-06-history`);
  return { tid };
}
