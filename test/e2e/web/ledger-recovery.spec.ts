/**
 * Issue 14, restore chosen on screen: two sales, a backup of the ledger, the shell stopped and its
 * ledger deleted; on the next start the app does not open as a new terminal but says the ledger is
 * missing and offers the restores (head office disabled: not enrolled); choosing the backup brings the
 * terminal back with both sales in 거래내역.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { completeSaleWithDemoQr, registerDemoStore, rpc, shot } from '../flows';
import { expect, launchWebShell, stopWebShell, test } from './web-shell.fixture';

test('a deleted ledger: the restore screen, restore from the newest backup, the sales are back', async ({ shell, page }) => {
  test.setTimeout(120_000);
  const backupDir = `${shell.dataDir}-backups`;
  try {
    await page.goto(shell.appUrl);
    await registerDemoStore(page, 'recovery');
    await completeSaleWithDemoQr(page, 'recovery-sale1');
    await completeSaleWithDemoQr(page, 'recovery-sale2');
    // an online backup, as the core's periodic one writes it (better-sqlite3 backup(), same file name pattern)
    mkdirSync(backupDir, { recursive: true });
    const src = new Database(join(shell.dataDir, 'ledger.sqlite'), { readonly: true });
    await src.backup(join(backupDir, `ledger-${new Date().toISOString().replace(/[-:.]/g, '')}.sqlite`));
    src.close();

    // the ledger is deleted while the app is stopped
    await stopWebShell(shell);
    const ledger = join(shell.dataDir, 'ledger.sqlite');
    for (const x of ['', '-wal', '-shm']) rmSync(ledger + x, { force: true });
    Object.assign(shell, await launchWebShell(shell.dataDir));

    for (const [w, h] of [[1280, 800], [1024, 768]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(shell.appUrl);
      const screen = page.getByTestId('ledger-recovery');
      await expect(screen).toBeVisible();
      await expect(screen).toHaveAttribute('data-problem', 'missing');
      await expect(screen).toContainText('원장 파일이 없습니다.');
      await expect(page.getByTestId('restore-headoffice')).toBeDisabled();
      await expect(page.getByTestId('restore-backup')).toBeEnabled();
      await expect(screen).toContainText('결제 2건');
      await shot(page, `recovery-01-ko-${w}`);
      await page.getByTestId('lang-toggle').click();
      await expect(screen).toContainText('The ledger file is missing.');
      await shot(page, `recovery-02-en-${w}`);
      // the screen fits: no horizontal scroll
      expect(await page.evaluate(() => {
        const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
        return g.document.documentElement.scrollWidth <= g.innerWidth;
      })).toBe(true);
      await page.getByTestId('lang-toggle').click(); // back to Korean
    }
    // every other request is refused while the ledger is lost: nothing starts as new
    const refused = await rpc(page, 'getStore').then(() => 'answered', (e: Error) => e.message);
    expect(refused).toMatch(/^getStore: LEDGER_LOST/);

    await page.getByTestId('restore-backup').click();
    await expect(page.getByTestId('restore-done')).toBeVisible();
    // the app reloads onto the restored ledger: the store and both sales are back
    await expect(page.getByTestId('store-badge')).toBeVisible({ timeout: 20_000 });
    await page.getByTestId('tab-history').click();
    await expect(page.getByTestId('history-row')).toHaveCount(2);
    await shot(page, 'recovery-03-history-restored');
  } finally {
    rmSync(backupDir, { recursive: true, force: true });
  }
});
