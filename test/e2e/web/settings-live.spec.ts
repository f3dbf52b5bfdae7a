/**
 * Settings take effect without a restart: the terminal starts on the embedded simulator and sells; in 설정
 * the backend is switched to a second simulator (started here, port 0) — 연결 테스트 before and after
 * saving shows OK with a latency — the store is registered again there (a new cid), and the printer goes
 * from none to the ESC/POS emulator. The next sale lands on the second simulator (seen through its own
 * HTTP API) and its receipt comes out of the emulator. Same web shell process, same page: never reloaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Payment, StoreProfile } from '../../../shared/contract';
import { startSimulator, type Simulator } from '../../../electron/simulator/server';
import { EscPosPrinterEmulator } from '../../emulators/escpos-printer';
import { issueDemoQr, registerDemoStore, rpc, shot, wedgeScan } from '../flows';
import { expect, test } from './web-shell.fixture';

let sim: Simulator;
let simDir: string;
let emu: EscPosPrinterEmulator;
test.beforeEach(async () => {
  simDir = mkdtempSync(join(tmpdir(), 'pos-sim2-'));
  sim = await startSimulator({ dbFile: join(simDir, 'second.sqlite'), host: '127.0.0.1', port: 0 });
  emu = await EscPosPrinterEmulator.start({ columns: 42 });
});
test.afterEach(async () => {
  await emu.close();
  await sim.close();
  rmSync(simDir, { recursive: true, force: true });
});

/** A one-time QR of the second simulator's demo customer (its wallet API; the terminal's 데모 QR is embedded-only). */
async function remoteQr(): Promise<string> {
  const res = await fetch(`${sim.url}/wallet/api/customers/demo/qr`, { method: 'POST' });
  expect(res.ok).toBe(true);
  return ((await res.json()) as { qr_text: string }).qr_text;
}

/** Rings up `price` by keyboard and scans `qr` like a wedge scanner; waits for the approval and starts a new sale. */
async function sell(page: Page, price: number, qr: string): Promise<Payment> {
  await page.keyboard.press('Alt+1');
  const input = page.getByTestId('price-input');
  await expect(input).toBeVisible();
  await input.focus();
  await page.keyboard.type(String(price));
  await page.keyboard.press('Enter');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await wedgeScan(page, qr);
  await expect(page.getByTestId('result-status')).toContainText('승인 완료');
  const tid = ((await page.getByTestId('result-tid').textContent()) ?? '').trim();
  const p = (await rpc<Payment[]>(page, 'listPayments')).find((x) => x.tid === tid)!;
  expect(p).toBeDefined();
  await expect(page.getByTestId('result')).toHaveAttribute('data-enter-armed', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('price-input')).toBeVisible();
  return p;
}

/** The app is one screen high (it scrolls inside): a tall window shows every section whole for the screenshots. */
async function tall(page: Page, fn: () => Promise<unknown>): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 2000 });
  try {
    await fn();
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
}

test('settings: backend and printer changes take effect without a restart', async ({ page, shell }) => {
  test.setTimeout(90_000);
  await page.goto(shell.appUrl);
  const pid = shell.proc.pid;
  await page.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const cid1 = await registerDemoStore(page, 'settings');

  // 1. On the embedded simulator, no printer: a sale, nothing printed.
  const first = await sell(page, 4500, await issueDemoQr(page));
  expect(first.cid).toBe(cid1);
  await expect(page.getByTestId('backend-status')).toContainText('내장 시뮬레이터');

  // 2. 설정: every section, as the owner first sees it.
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('settings-screen')).toBeVisible();
  await expect(page.getByTestId('settings-store').getByTestId('store-cid')).toHaveText(cid1);
  await shot(page, 'settings-01-top');
  await tall(page, async () => {
    await shot(page, 'settings-02-all-sections');
    for (const id of ['language', 'backend', 'store', 'credentials', 'printer', 'scanner', 'camera']) {
      const section = page.getByTestId(`settings-${id}`);
      await expect(section).toBeVisible();
      await section.screenshot({ path: `test-results/screens/settings-section-${id}.png` });
    }
  });

  // 연결 테스트 of the saved embedded simulator.
  await page.getByTestId('backend-test').click();
  await expect(page.getByTestId('backend-test-result')).toHaveAttribute('data-ok', 'true');

  // 3. Remote URL: a typo is caught before any call; a down server fails the test; the second simulator passes — all before saving.
  await page.getByTestId('backend-mode-remote').check();
  await page.getByTestId('backend-url').fill('127.0.0.1:8080');
  await page.getByTestId('backend-test').click();
  await expect(page.getByTestId('backend-url-error')).toContainText('http://');
  await page.getByTestId('backend-url').fill('http://127.0.0.1:9'); // discard port: nothing listens
  await page.getByTestId('backend-test').click();
  const result = page.getByTestId('backend-test-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toHaveAttribute('data-code', 'BACKEND_UNREACHABLE');
  await expect(result).toContainText('연결 실패');
  await page.getByTestId('backend-url').fill(sim.url);
  await expect(result).toHaveCount(0); // a result is about the values it tested
  await page.getByTestId('backend-test').click();
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result).toContainText(/연결됨 · \d+ ms/);
  expect(Number(await result.getAttribute('data-latency'))).toBeGreaterThanOrEqual(0);
  await expect(page.getByTestId('backend-saved')).toHaveAttribute('data-state', 'dirty');
  expect((await rpc<{ backend: unknown }>(page, 'getSettings')).backend).toEqual({ mode: 'embedded', dialect: 'oneqpay' }); // the test saved nothing
  await page.getByTestId('settings-backend').screenshot({ path: 'test-results/screens/settings-03-backend-tested.png' });

  // 4. Save: tested again by itself, the status bar follows, and the store section asks for a new registration.
  await page.getByTestId('settings-save').click(); // the one 저장 bar for the whole screen
  await expect(page.getByTestId('backend-saved')).toHaveAttribute('data-state', 'saved');
  await expect(result).toHaveAttribute('data-ok', 'true');
  expect((await rpc<{ backend: unknown }>(page, 'getSettings')).backend).toEqual({ mode: 'remote', url: sim.url, dialect: 'oneqpay' });
  await expect(page.getByTestId('backend-status')).toContainText(sim.url);
  await expect(page.getByTestId('backend-status')).toHaveAttribute('data-reachable', 'up');
  const storeSection = page.getByTestId('settings-store');
  await expect(storeSection.getByTestId('settings-store-server-changed')).toContainText(sim.url);
  await expect(storeSection.getByTestId('biz-no')).toHaveValue('220-81-62517'); // the onboarding form, filled in
  await expect(storeSection.getByTestId('store-name')).toHaveValue('하나카페 을지로점');
  await tall(page, () => storeSection.screenshot({ path: 'test-results/screens/settings-04-store-reregister.png' }));

  // 5. Register there: a new cid, in the section and the top bar.
  await storeSection.getByTestId('register-submit').click();
  const done = storeSection.getByTestId('settings-store-registered');
  await expect(done).toHaveAttribute('data-new-cid', 'true');
  const cid2 = ((await storeSection.getByTestId('store-cid').textContent()) ?? '').trim();
  expect(cid2).toMatch(/^[A-Z0-9]{10}$/);
  expect(cid2).not.toBe(cid1);
  await expect(done).toContainText(cid2);
  await expect(done).toContainText(cid1);
  await expect(page.getByTestId('top-cid')).toHaveText(cid2);
  expect((await rpc<StoreProfile>(page, 'getStore')).cid).toBe(cid2);
  await tall(page, () => storeSection.screenshot({ path: 'test-results/screens/settings-05-store-new-cid.png' }));

  // 6. Printer: none → TCP to the emulator, saved; the status bar sees it.
  await expect(page.getByTestId('printer-status')).toHaveAttribute('data-state', 'none');
  await page.getByTestId('printer-transport').selectOption('tcp');
  await page.getByTestId('printer-host').fill('127.0.0.1');
  await page.getByTestId('printer-port').fill(String(emu.port));
  await page.getByTestId('printer-columns').selectOption('42');
  await page.getByTestId('settings-save').click(); // the one 저장 bar for the whole screen
  await expect(page.getByTestId('printer-saved')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('printer-status')).toHaveAttribute('data-state', 'ok');
  expect(emu.receipts).toHaveLength(0);

  // 7. The next sale goes to the second simulator under the new cid, and prints on the emulator.
  const second = await sell(page, 3000, await remoteQr());
  expect(second.cid).toBe(cid2);
  const status = await fetch(`${sim.url}/pay/status?cid=${cid2}&order_id=${second.orderId}`);
  expect(status.ok).toBe(true);
  expect(await status.json()).toMatchObject({ status: 'APPROVED', amount: 3000, tid: second.tid });
  const walletPayments = ((await (await fetch(`${sim.url}/wallet/api/customers/demo/payments`)).json()) as { payments: { tid: string; amount: number }[] }).payments;
  expect(walletPayments.map((p) => [p.tid, p.amount])).toEqual([[second.tid, 3000]]); // the first sale stayed on the embedded simulator
  await expect.poll(() => emu.receipts.length).toBe(1);
  const paper = emu.receipts[0]!.lines.join('\n');
  expect(paper).toContain(second.orderId);
  expect(paper).toContain(cid2);
  expect(paper).toContain('3,000');
  expect(paper).not.toContain(cid1);

  // Never restarted, never reloaded.
  expect(shell.proc.pid).toBe(pid);
  expect(shell.proc.exitCode).toBeNull();
  expect(await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
