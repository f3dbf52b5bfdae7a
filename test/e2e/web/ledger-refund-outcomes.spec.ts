/**
 * The refund dialog's other outcomes, against a simulator with fault injection (remote backend): a
 * cancel whose answer is lost shows 확인 중 with "do not cancel again", then turns into 취소 완료 by itself
 * (the retry with the same request id); a cancel the bank refuses shows 취소 거절 and the reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startSimulator, type Simulator } from '../../../electron/simulator/server';
import { registerDemoStore, rpc, shot } from '../flows';
import { sell } from '../ledger-flows';
import { expect, test } from './web-shell.fixture';

let sim: Simulator;
let dir: string;
test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-sim-'));
  sim = await startSimulator({ dbFile: join(dir, 'bank.sqlite'), port: 0, faults: true });
});
test.afterEach(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = async (path: string, body: unknown) => {
  const r = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json() as Promise<Record<string, unknown>>;
};

test('refund outcomes: 확인 중 (do not cancel again) settling to 취소 완료, and 취소 거절 with the reason', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await page.goto(shell.appUrl);
  await expect(page.getByTestId('biz-no')).toBeVisible();
  await rpc(page, 'updateSettings', { backend: { mode: 'remote', url: sim.url, dialect: 'oneqpay' }, paymentTimeoutMs: 1500 });
  await registerDemoStore(page, 'refund-outcomes-setup');
  await post('/wallet/api/customers', { id: 'kim', name: '김고객', accounts: [{ balance: 500_000, alias: '생활비' }] });
  const qr = async () => String((await post('/wallet/api/customers/kim/qr', { method: '계좌' })).qr_text);
  const p = await sell(page, [{ name: '아메리카노', price: 4500 }, { name: '치즈케이크', price: 6500 }], qr);

  await page.keyboard.press('Alt+2');
  const open = async () => {
    await page.locator(`[data-testid="history-row"][data-id="${p.id}"]`).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('payment-detail')).toHaveAttribute('data-id', String(p.id)); // loaded, not the loading state
  };
  const cancel = async (amount: string) => {
    await page.keyboard.press('c');
    await expect(page.getByTestId('refund-amount')).toBeFocused();
    await page.keyboard.type(amount);
    await page.keyboard.press('Enter');
  };
  await open();

  // The answer of the first cancel is lost (the bank did it): 확인 중, then 취소 완료 without a second cancel.
  await post('/sim/faults', { path: '/pay/cancel', mode: 'timeout', delay_ms: 4000, count: 2 }); // the first retry is lost too: 확인 중 for a few seconds
  await cancel('3000');
  const outcome = page.getByTestId('refund-outcome');
  await expect(outcome).toHaveAttribute('data-status', 'unknown');
  await expect(outcome).toContainText('확인 중');
  await expect(page.getByTestId('refund-outcome-message')).toContainText('같은 건을 다시 취소하지 마세요');
  await shot(page, 'ledger-13-refund-unknown');
  await expect(outcome).toHaveAttribute('data-status', 'cancelled', { timeout: 20_000 });
  await expect(outcome).toContainText('취소 완료');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-refund')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('detail-refunded')).toContainText('-3,000원');

  // The bank refuses the next one: 취소 거절 with the reason; nothing was cancelled.
  await post('/sim/faults', { path: '/pay/cancel', mode: 'code', code: 'A0017', count: 1 });
  await cancel('2000');
  await expect(outcome).toHaveAttribute('data-status', 'failed');
  await expect(outcome).toContainText('취소 거절');
  await expect(page.getByTestId('refund-outcome-message')).toHaveAttribute('data-code', 'BANK_TIMEOUT_REJECTED');
  await expect(page.getByTestId('refund-outcome-message')).toContainText('은행 응답시간이 초과되어');
  await shot(page, 'ledger-14-refund-declined');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('refund-dialog')).toHaveCount(0);
  await expect(page.getByTestId('detail-refund')).toHaveCount(2);
  await expect(page.getByTestId('detail-refund').nth(1)).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('detail-refund').nth(1)).toContainText('은행 응답시간이 초과되어');
  await expect(page.getByTestId('detail-refunded')).toContainText('-3,000원');
  await shot(page, 'ledger-15-detail-declined-cancel');

  // A bad amount is caught in the dialog before any call.
  await page.keyboard.press('c');
  await page.keyboard.type('999999');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-amount-error')).toContainText('취소 가능 금액(8,000원)을 넘습니다');
  await shot(page, 'ledger-16-refund-amount-error');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('refund-dialog')).toHaveCount(0);
  const after = await rpc<{ payment: { refundedAmount: number; refunds: unknown[] } }>(page, 'getPaymentDetail', { id: p.id });
  expect(after.payment.refundedAmount).toBe(3000);
  expect(after.payment.refunds).toHaveLength(2);
});

export type { Page };
