/**
 * The web shell keeps working after the token has left the address bar: a reload, a new tab and a
 * bookmark of the address, by the session cookie the launch URL set (HttpOnly, SameSite=Strict). A
 * browser that never opened the launch URL is told how to get in, and a new launch needs its new URL.
 */
import { rpc } from '../flows';
import { expect, test } from './web-shell.fixture';

test('reload, new tab and bookmark keep access; a browser without the launch URL is told how to get in', async ({ page, shell, browser }) => {
  await page.goto(shell.appUrl);
  await expect(page.getByTestId('biz-no')).toBeVisible(); // onboarding: the core answered
  await expect(page).not.toHaveURL(/token=/); // the token left the address bar
  const bookmark = page.url();

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.startsWith('pos_session_'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(session!.value).not.toBe(shell.appUrl.split('token=')[1]);

  // reload
  await page.reload();
  await expect(page.getByTestId('biz-no')).toBeVisible();
  await expect(page.getByTestId('boot-error')).toHaveCount(0);

  // a new tab on the bookmarked address (no token anywhere, not even in sessionStorage)
  const tab = await page.context().newPage();
  await tab.goto(bookmark);
  await expect(tab.getByTestId('biz-no')).toBeVisible();
  expect(await tab.evaluate('sessionStorage.getItem("pos.token")')).toBeNull();
  expect((await rpc<{ language: string }>(tab, 'getSettings')).language).toBe('ko'); // RPC by the cookie alone
  // the customer display opened from that tab (no token to hand on) works too
  await tab.close();
  const display = await page.context().newPage();
  await display.goto(`${shell.url}/#/display`);
  await expect(display.getByTestId('customer-display')).not.toHaveAttribute('data-phase', 'loading');
  await display.close();

  // another browser profile that never saw the launch URL: told how to get in, in plain words
  const stranger = await browser.newContext({ locale: 'ko-KR' });
  const other = await stranger.newPage();
  await other.goto(bookmark);
  await expect(other.getByTestId('boot-error')).toHaveAttribute('data-code', 'WEB_ACCESS_MISSING');
  await expect(other.getByTestId('boot-error')).toContainText('npm run start:web');
  await expect(other.getByText('단말기 코어')).toHaveCount(0);
  await other.screenshot({ path: 'test-results/screens/web-access-missing.png' });
  await stranger.close();

  // a new launch (new token, new session secret): the old cookie no longer opens it, its URL does
  await shell.restart();
  await page.goto(`${shell.url}/`);
  await expect(page.getByTestId('boot-error')).toHaveAttribute('data-code', 'WEB_ACCESS_MISSING');
  await page.goto(shell.appUrl);
  await page.reload();
  await expect(page.getByTestId('biz-no')).toBeVisible();
});
