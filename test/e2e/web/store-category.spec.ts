/**
 * 업종 by name (issue 11 §6): at onboarding the owner finds the trade by name (or 초성) and picks it from
 * the list; the registered store shows the code with its name, in 설정 too; a code without a name is
 * typed as it is and shown as "업종 552199 (이름 없음)"; a name that was not picked is refused next to the field.
 */
import type { Page } from '@playwright/test';
import { rpc, shot, STORE } from '../flows';
import { expect, test } from './web-shell.fixture';

async function fillStore(page: Page): Promise<void> {
  await page.getByTestId('biz-no').fill(STORE.businessNo);
  await page.getByTestId('store-name').fill(STORE.name);
  await page.getByTestId('phone').fill(STORE.phone);
  await page.getByTestId('address1').fill(STORE.address1);
  await page.getByTestId('address2').fill(STORE.address2);
}

test('업종: picked by name at onboarding, shown with its name; an unnamed code typed in 설정; a name not picked is refused', async ({ page, shell }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(shell.appUrl);
  await expect(page.getByTestId('biz-no')).toBeVisible();
  await fillStore(page);
  const field = page.getByTestId('store-category');
  await expect(page.getByTestId('store-category-name')).toHaveText('비워 두면 결제 서버가 정합니다.');

  // a name typed but not picked: said next to the field, nothing sent
  await field.fill('우주선 정비');
  await expect(page.getByTestId('store-category-name')).toContainText('목록에 없는 이름');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('store-category-error')).toHaveText('목록에서 업종을 고르거나 6자리 업종 코드를 입력하세요.');
  expect(await rpc(page, 'getStore')).toBeNull();

  // 초성 finds 커피 전문점; arrows + Enter pick it (the Enter does not send the form)
  await field.fill('ㅋㅍ');
  const list = page.getByTestId('store-category-list');
  await expect(list.getByTestId('store-category-552303')).toBeVisible();
  await shot(page, 'store-category-ko-list-1024x768');
  const options = await list.getByRole('option').allTextContents();
  const at = options.findIndex((o) => o.includes('커피 전문점'));
  for (let i = 0; i < at; i++) await field.press('ArrowDown');
  await field.press('Enter');
  await expect(field).toHaveValue('552303');
  await expect(list).toHaveCount(0);
  await expect(page.getByTestId('store-category-name')).toHaveText('552303 커피 전문점');
  expect(await rpc(page, 'getStore')).toBeNull();
  await field.press('Enter'); // now the form is sent
  await expect(page.getByTestId('issued-cid')).toHaveText(/^[A-Z0-9]{10}$/);
  expect((await rpc<{ categoryCd: number }>(page, 'getStore')).categoryCd).toBe(552303);

  // 설정 → 매장 정보: the code with its name; 다시 등록 with a code the list has no name for
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('store-category-view')).toHaveText('552303 커피 전문점');
  await page.getByTestId('settings-store-reregister').click();
  await expect(field).toHaveValue('552303');
  await field.fill('');
  await field.fill('5521');
  await expect(page.getByTestId('store-category-list').getByTestId('store-category-552101')).toBeVisible(); // a code prefix lists the codes
  await field.fill('552199');
  await expect(page.getByTestId('store-category-name')).toHaveText('업종 552199 (이름 없음)');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('settings-store-registered')).toBeVisible();
  await expect(page.getByTestId('store-category-view')).toHaveText('업종 552199 (이름 없음)');
  expect((await rpc<{ categoryCd: number }>(page, 'getStore')).categoryCd).toBe(552199);

  // in English: picked by its English name, shown in English
  await rpc(page, 'updateSettings', { language: 'en' });
  await page.reload();
  await expect(page.getByTestId('price-input')).toBeFocused();
  await page.keyboard.press('Alt+4');
  await page.getByTestId('settings-store-reregister').click();
  await field.fill('hair');
  await page.getByTestId('store-category-list').getByTestId('store-category-930203').click();
  await expect(page.getByTestId('store-category-name')).toHaveText('930203 Hair salon');
  await shot(page, 'store-category-en-settings-1024x768');
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('store-category-view')).toHaveText('930203 Hair salon');
});
