/**
 * Issue 10 on screen: the one-time enrollment code after registration, the Kakao Pay API generation
 * setting (설정, ko/en), and a Kakao card payment's details (카드사, masked number, 할부, 카드 승인번호) in
 * the payment detail — against a remote simulator speaking the current open API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../../electron/simulator/server';
import type { Payment } from '../../../shared/contract';
import { registerDemoStore, rpc, shot } from '../flows';
import { expect, test } from './web-shell.fixture';

let sim: Simulator;
let dir: string;
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kakao-sim-'));
  sim = await startSimulator({ dbFile: join(dir, 'bank.sqlite'), port: 0 });
});
test.afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
] as const;

test('Kakao open API: enrollment code, API generation setting, card details in the payment detail', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(SIZES[0]);
  await page.goto(shell.appUrl);
  await expect(page.getByTestId('biz-no')).toBeVisible();
  await rpc(page, 'updateSettings', { backend: { mode: 'remote', url: sim.url, dialect: 'kakaopay', kakaoApi: 'open' } });
  await registerDemoStore(page, 'kakao-setup');
  await expect(page.getByTestId('issued-enrollment-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await shot(page, 'issue10-enrollment-code-1024-ko');
  await page.getByTestId('go-checkout').click();

  const res = await fetch(`${sim.url}/wallet/api/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'card', name: '김카드', accounts: [{ balance: 500_000 }], cards: [{ card_number: '9410123456789012', card_type_code: 1, limit: 1_000_000 }] }),
  });
  expect(res.status).toBe(200);
  const qr = (await (await fetch(`${sim.url}/wallet/api/customers/card/qr`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'CARD' }) })).json()) as { qr_text: string };
  const p = await rpc<Payment>(page, 'checkout', { items: [{ name: '아메리카노', unitPrice: 4500, quantity: 1, taxFree: false }], qrText: qr.qr_text });
  expect(p.status).toBe('approved');

  for (const lang of ['ko', 'en'] as const) {
    await rpc(page, 'updateSettings', { language: lang });
    await page.reload();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.getByTestId('tab-history').click();
      await page.locator(`[data-testid="history-row"][data-id="${p.id}"]`).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('payment-detail')).toHaveAttribute('data-id', String(p.id));
      await expect(page.getByTestId('detail-card-number')).toHaveText('9410-12**-****-****');
      await expect(page.getByTestId('detail-card-issuer')).toContainText('하나카드');
      await expect(page.getByTestId('detail-card-approval')).toHaveText(p.tid!.slice(-8));
      await expect(page.getByTestId('detail-installment')).toHaveText(lang === 'ko' ? '일시불' : 'Lump sum');
      await shot(page, `issue10-card-detail-${size.width}-${lang}`);

      await page.getByTestId('tab-settings').click();
      const api = page.getByTestId('backend-kakao-api');
      await expect(api).toHaveValue('open');
      await api.scrollIntoViewIfNeeded();
      await shot(page, `issue10-settings-kakao-api-${size.width}-${lang}`);
    }
  }
});
