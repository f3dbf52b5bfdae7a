/**
 * 설정 keeps what was typed: leaving with unsaved edits asks first (stay by default, keeping the values;
 * or leave without saving); an invalid printer host says what is wrong next to the field; 설정 does not
 * tell the owner to go to 설정. One 저장 bar (or Ctrl+S) saves every changed section at once.
 */
import { openDrawerSession, rpc, shot, STORE } from '../flows';
import { expect, test } from './web-shell.fixture';

test('settings: unsaved-changes prompt on leaving, the host field says what is wrong, no "go to settings" banner inside settings', async ({ page, shell }) => {
  await page.goto(shell.appUrl);
  await rpc(page, 'registerStore', STORE);
  await openDrawerSession(page);
  await page.reload();
  await expect(page.getByTestId('price-input')).toBeFocused();
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('settings-printer')).toBeVisible();
  await expect(page.getByTestId('settings-screen')).not.toContainText('설정에서 프린터를 지정하세요');

  // nothing typed yet: leaving needs no question
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('price-input')).toBeVisible();
  await page.keyboard.press('Alt+4');

  // a bad IP address: said next to the field, in plain words (not only "입력값을 확인해 주세요")
  await page.getByTestId('printer-transport').selectOption('tcp');
  await page.getByTestId('printer-host').fill('999.1.1.1');
  await page.getByTestId('settings-save').click(); // the one 저장 bar for the whole screen
  await expect(page.getByTestId('printer-host-error')).toContainText('0부터 255까지');
  await expect(page.getByTestId('settings-unsaved')).toBeVisible();
  await shot(page, 'settings-unsaved-host-error');

  // leaving by tab click: asked; staying keeps every typed value
  await page.getByTestId('tab-checkout').click();
  await expect(page.getByTestId('unsaved-dialog')).toBeVisible();
  await expect(page.getByTestId('unsaved-stay')).toBeFocused();
  await shot(page, 'settings-unsaved-dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('unsaved-dialog')).toHaveCount(0);
  await expect(page.getByTestId('settings-screen')).toBeVisible();
  await expect(page.getByTestId('printer-host')).toHaveValue('999.1.1.1');

  // fixed and saved: leaving is free again
  await page.getByTestId('printer-host').fill('127.0.0.1');
  await page.getByTestId('settings-save').click(); // the one 저장 bar for the whole screen
  await expect(page.getByTestId('printer-saved')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('settings-unsaved')).toHaveCount(0);
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('history-screen')).toBeVisible();

  // edited again, left by Alt+1: asked; leaving without saving drops the edit
  await page.keyboard.press('Alt+4');
  await page.getByTestId('printer-footer').fill('다음에 또 오세요');
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('unsaved-dialog')).toBeVisible();
  await page.getByTestId('unsaved-leave').click();
  await expect(page.getByTestId('price-input')).toBeVisible();
  const saved = await rpc<{ printer: { footer: string; transport: { kind: string; host?: string } } }>(page, 'getSettings');
  expect(saved.printer.footer).not.toBe('다음에 또 오세요');
  expect(saved.printer.transport).toMatchObject({ kind: 'tcp', host: '127.0.0.1' });

  // one save for the whole screen: two sections changed, both named on the bar, one press (Ctrl+S) saves both
  await page.keyboard.press('Alt+4');
  const mirrorBefore = (await rpc<{ camera: { mirror: boolean } }>(page, 'getScannerSettings')).camera.mirror;
  await page.getByTestId('printer-footer').fill('내일 또 만나요');
  await page.getByTestId('settings-camera-mirror').click();
  await expect(page.getByTestId('settings-unsaved')).toContainText('프린터');
  await expect(page.getByTestId('settings-unsaved')).toContainText('카메라');
  await shot(page, 'settings-unsaved-savebar');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByTestId('printer-saved')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('settings-camera-saved')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByTestId('settings-unsaved')).toHaveCount(0);
  expect((await rpc<{ printer: { footer: string } }>(page, 'getSettings')).printer.footer).toBe('내일 또 만나요');
  expect((await rpc<{ camera: { mirror: boolean } }>(page, 'getScannerSettings')).camera.mirror).toBe(!mirrorBefore);
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('price-input')).toBeVisible(); // nothing left unsaved: no question
});

test('settings: the scanner section is in the one save model (no 저장 of its own; leaving with a scanner edit asks)', async ({ page, shell }) => {
  await page.goto(shell.appUrl);
  await rpc(page, 'registerStore', STORE);
  await page.reload();
  await expect(page.getByTestId('price-input')).toBeFocused();
  await page.keyboard.press('Alt+4');
  const scanner = page.getByTestId('settings-scanner');
  await expect(scanner.getByTestId('wedge-max-gap')).toBeVisible();
  await expect(scanner.getByTestId('scanner-save')).toHaveCount(0); // the screen's one 저장 bar saves it
  const before = (await rpc<{ wedge: { maxGapMs: number } }>(page, 'getScannerSettings')).wedge.maxGapMs;
  const next = before === 45 ? '40' : '45';

  // a scanner edit: the bar names 스캐너; leaving asks; staying keeps the typed value
  await scanner.getByTestId('wedge-max-gap').fill(next);
  await expect(page.getByTestId('settings-unsaved')).toContainText('스캐너');
  await page.getByTestId('tab-checkout').click();
  await expect(page.getByTestId('unsaved-dialog')).toBeVisible();
  await shot(page, 'settings-unsaved-scanner-dialog');
  await page.getByTestId('unsaved-stay').click();
  await expect(scanner.getByTestId('wedge-max-gap')).toHaveValue(next);
  expect((await rpc<{ wedge: { maxGapMs: number } }>(page, 'getScannerSettings')).wedge.maxGapMs).toBe(before);

  // an invalid value: said next to the field by the one save, nothing stored
  await scanner.getByTestId('wedge-max-gap').fill('abc');
  await page.getByTestId('settings-save').click();
  await expect(scanner.getByTestId('scanner-maxGapMs-error')).toBeVisible();
  expect((await rpc<{ wedge: { maxGapMs: number } }>(page, 'getScannerSettings')).wedge.maxGapMs).toBe(before);

  // Enter in the scanner's field saves through the same model; then leaving is free
  await scanner.getByTestId('wedge-max-gap').fill(next);
  await scanner.getByTestId('wedge-max-gap').press('Enter');
  await expect(scanner.getByTestId('scanner-saved')).toBeVisible();
  await expect(page.getByTestId('settings-unsaved')).toHaveCount(0);
  expect((await rpc<{ wedge: { maxGapMs: number } }>(page, 'getScannerSettings')).wedge.maxGapMs).toBe(Number(next));
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('price-input')).toBeVisible();
});
