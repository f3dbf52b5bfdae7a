/**
 * Head office end to end: a real PostgreSQL (the test harness's), the head office in its own process
 * serving the dashboard, a terminal in the web shell, Chromium for both. The dashboard's password is
 * set at first start; a store and its enrollment code are made in the dashboard; the terminal enrolls
 * (a wrong and a reused code are refused); a sale made at the terminal shows on the live dashboard
 * within a second of its approval.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freePort } from '../../../headoffice/server/embedded-pg';
import { HeadOfficeProcess } from '../../integration/headoffice/ho-process';
import { startTestDb, type TestDb } from '../../integration/headoffice/pg-harness';
import { completeSaleWithDemoQr, registerDemoStore, shot } from '../flows';
import { expect, test } from './web-shell.fixture';

const ROOT = resolve(__dirname, '../../..');
let db: TestDb;
let ho: HeadOfficeProcess;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.headoffice.config.mts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  db = await startTestDb();
  ho = new HeadOfficeProcess(db.url, await freePort());
  await ho.start();
});
test.afterAll(async () => {
  await ho?.kill9();
  await db?.stop();
});

test('a sale at the terminal shows on the live dashboard within a second; wrong and reused codes are refused', async ({ shell, browser }) => {
  test.setTimeout(120_000);
  const board = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await board.goto(ho.url);
  // first start: set the password (Korean first)
  await expect(board.getByText('처음 시작: 대시보드 비밀번호를 정해 주세요')).toBeVisible();
  await shot(board, 'headoffice-01-setup-ko-1280');
  await board.getByLabel('비밀번호').fill('short');
  await board.getByRole('button', { name: '비밀번호 설정' }).click();
  await expect(board.getByText('8자 이상 입력해 주세요.')).toBeVisible();
  await board.getByLabel('비밀번호').fill('본사-비밀번호-2026');
  await board.getByRole('button', { name: '비밀번호 설정' }).click();
  await board.getByLabel('새 매장 이름').fill('하나카페 을지로점');
  await board.getByRole('button', { name: '매장 추가' }).click();
  await board.getByRole('button', { name: '등록 코드 발급' }).click();
  const code = ((await board.getByTestId('enroll-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expect(board.getByTestId('live')).toContainText('실시간 연결됨');

  const pos = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await pos.goto(shell.appUrl);
  await registerDemoStore(pos, 'headoffice-pos');
  await expect(pos.getByTestId('sync-status')).toContainText('본사 동기화: 미등록');
  // 설정 → 본사 연결: a wrong code is refused with the reason, the right one enrolls
  await pos.getByTestId('tab-settings').click();
  await pos.getByTestId('headoffice-url').fill(ho.url);
  await pos.getByTestId('headoffice-code').fill('WXYZ-2345');
  await pos.getByTestId('headoffice-name').fill('1번 계산대');
  await pos.getByTestId('headoffice-enroll').click();
  await expect(pos.getByTestId('headoffice-error')).toHaveAttribute('data-code', 'HEADOFFICE_REFUSED');
  await expect(pos.getByTestId('headoffice-error')).toContainText('등록 코드가 틀렸거나');
  await pos.getByTestId('headoffice-code').fill(code);
  await pos.getByTestId('headoffice-enroll').click();
  await expect(pos.getByTestId('headoffice-enrolled')).toContainText('하나카페 을지로점');
  await expect(pos.getByTestId('sync-status')).toContainText('본사 동기화: 연결됨');
  await pos.getByTestId('settings-headoffice').scrollIntoViewIfNeeded();
  await shot(pos, 'headoffice-pos-settings-ko-1280');
  // the same code for another terminal: refused (a second web shell = another terminal)
  await expect(
    board.evaluate(
      async ([u, c]) => (await fetch(`${u}/api/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: c, terminalId: '01939a4e-0000-7000-8000-000000000001', name: 'POS 2' }) })).status,
      [ho.url, code] as const,
    ),
  ).resolves.toBe(409);
  await expect(board.getByText('1번 계산대')).toBeVisible();

  await completeSaleWithDemoQr(pos, 'headoffice-pos');
  // approval seen at the terminal (completeSaleWithDemoQr waited for it): the dashboard follows within a second
  await expect(board.getByTestId('sales-count')).toHaveText('1건', { timeout: 1000 });
  await expect(board.getByTestId('sales-amount')).toHaveText('7,500원');
  await expect(board.getByTestId('recent')).toContainText('7,500원');
  await shot(board, 'headoffice-02-dashboard-ko-1280');
  await board.setViewportSize({ width: 1024, height: 768 });
  await shot(board, 'headoffice-03-dashboard-ko-1024');
  await board.getByRole('button', { name: 'English' }).click();
  await expect(board.getByText('Head office dashboard')).toBeVisible();
  await shot(board, 'headoffice-04-dashboard-en-1024');
  await board.setViewportSize({ width: 1280, height: 800 });
  await shot(board, 'headoffice-05-dashboard-en-1280');
  await expect(pos.getByTestId('sync-status')).toHaveAttribute('data-pending', '0');
  await pos.setViewportSize({ width: 1024, height: 768 });
  await shot(pos, 'headoffice-pos-statusbar-ko-1024');
});
