/**
 * 메뉴 관리 on the 매장 screen (issue 12): the demo menu, editing a product, a refused duplicate barcode, the
 * sold-out toggle reaching the checkout tiles, and a CP949 CSV: the dry run lists the bad rows (nothing
 * written), the fixed file imports. Screenshots at 1024×768 and 1280×800.
 */
import iconv from 'iconv-lite';
import { openDrawerSession, rpc, shot, STORE } from '../flows';
import { expect, test } from './web-shell.fixture';

const HEADER = '번호,분류,상품명,가격,면세,바코드,품절,보관,순서,별칭,옵션';

test('menu management: demo menu, edit, duplicate barcode, sold out, CSV dry run and import', async ({ page, shell }) => {
  test.setTimeout(180_000);
  await page.goto(shell.appUrl);
  await expect(page.getByTestId('biz-no')).toBeVisible();
  await rpc(page, 'registerStore', STORE);
  await openDrawerSession(page);
  await page.reload();
  await expect(page.getByTestId('price-input')).toBeVisible();
  await page.keyboard.press('Alt+3');
  const manager = page.getByTestId('catalog-manager');
  await manager.getByTestId('demo-catalog-load').click();
  await expect(manager.getByTestId('catalog-product')).toHaveCount(8);

  // edit: 크로플 → 4,200원
  await manager.locator('[data-testid="catalog-product"][data-name="크로플"] .linklike').click();
  await page.getByTestId('product-price').fill('4200');
  await page.getByTestId('product-save').click();
  await expect(manager.locator('[data-testid="catalog-product"][data-name="크로플"]')).toContainText('4,200');

  // a new product with 아메리카노's barcode is refused, nothing written
  await page.getByTestId('product-new').click();
  await page.getByTestId('product-name').fill('콜드브루');
  await page.getByTestId('product-price').fill('5500');
  await page.getByTestId('product-barcodes').fill('8801000000012');
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('product-error')).toHaveAttribute('data-code', 'CATALOG_BARCODE_DUPLICATE');
  await expect(page.getByTestId('product-error')).toContainText('이미 다른 상품에 등록된 바코드');
  await page.setViewportSize({ width: 1024, height: 768 });
  await shot(page, 'web-catalog-manage-01-duplicate-1024x768');
  await page.getByTestId('product-barcodes').fill('');
  await page.getByTestId('product-save').click();
  await expect(manager.getByTestId('catalog-product')).toHaveCount(9);

  // sold out here → the checkout tile shows it and does not add
  await manager.locator('[data-testid="catalog-product"][data-name="치즈케이크"] [data-testid="product-soldout-toggle"]').click();
  await page.keyboard.press('Alt+1');
  const tile = page.locator('[data-testid="menu-tile"][data-name="치즈케이크"]');
  await expect(tile).toContainText('품절');
  await tile.click({ force: true }); // aria-disabled: a tap still lands and is refused with a message
  await expect(page.getByTestId('checkout-error')).toHaveAttribute('data-code', 'PRODUCT_SOLD_OUT');
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  // CSV (CP949, as Excel saves it): dry run lists line, column and reason; nothing is written
  await page.keyboard.press('Alt+3');
  const bad = [HEADER, ',베이커리,소금빵,3500,N,,N,N,,salt bread,', ',베이커리,,3000,N,,N,N,,,', ',베이커리,마들렌,0,N,,N,N,,,', ',베이커리,휘낭시에,2800,N,8801000000029,N,N,,,'].join('\r\n');
  await page.getByTestId('catalog-import-file').setInputFiles({ name: 'menu.csv', mimeType: 'text/csv', buffer: iconv.encode(bad, 'cp949') });
  const report = page.getByTestId('catalog-csv-report');
  await expect(report).toHaveAttribute('data-errors', '3');
  await expect(page.getByTestId('catalog-csv-errors')).toContainText('3행');
  await expect(page.getByTestId('catalog-csv-errors')).toContainText('상품명');
  await expect(page.getByTestId('catalog-csv-errors')).toContainText('가격');
  await expect(page.getByTestId('catalog-csv-errors')).toContainText('바코드');
  await expect(page.getByTestId('catalog-import')).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('catalog-csv').scrollIntoViewIfNeeded();
  await shot(page, 'web-catalog-manage-02-csv-errors-1280x800');
  expect((await rpc<{ products: unknown[] }>(page, 'getCatalog', {})).products).toHaveLength(9);

  const good = [HEADER, ',베이커리,소금빵,3500,N,,N,N,,salt bread,', ',베이커리,마들렌,2500,N,,N,N,,,'].join('\r\n');
  await page.getByTestId('catalog-import-file').setInputFiles({ name: 'menu-fixed.csv', mimeType: 'text/csv', buffer: iconv.encode(good, 'cp949') });
  await expect(report).toHaveAttribute('data-errors', '0');
  await expect(report).toContainText('CP949');
  await page.getByTestId('catalog-import').click();
  await expect(report).toHaveAttribute('data-written', 'true');
  await expect(manager.getByTestId('catalog-product')).toHaveCount(11);
  await page.keyboard.press('Alt+1');
  await expect(page.locator('[data-testid="menu-tab"]', { hasText: '베이커리' })).toBeVisible();
});
