/**
 * The catalog through the router (issue 12): CRUD and its bad input, the demo menu, a sale of catalog
 * items with options (receipt lines with names and options, VAT / 면세 split), snapshots that later edits do
 * not change, archived products still named in old sales, sales by product, and the CSV import/export.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, Payment, PaymentDetail, RpcResult } from '../../shared/contract';
import type { CatalogCsvReport, ProductSales } from '../../shared/contract-catalog';
import type { Catalog, Product } from '../../shared/domain/catalog/catalog-model';
import { priceLine } from '../../shared/domain/catalog/option-pricing';
import { todaySeoul } from './catalog-test-helpers';
import { createCore, type Core } from '../../electron/core/core';
import { ensureDrawerOpen } from '../fixtures/drawer-session';

const registration = { businessNo: '220-81-62517', name: '하나카페 을지로점', representative: '김하나', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35 1층', postNo: '04523' };

let dir: string;
let core: Core;
async function call<T>(method: MethodName, input: unknown = {}): Promise<RpcResult<T>> {
  return (await core.router.call(method, input)) as RpcResult<T>;
}
async function ok<T>(method: MethodName, input: unknown = {}): Promise<T> {
  const r = await call<T>(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}
async function code(method: MethodName, input: unknown): Promise<string> {
  const r = await call(method, input);
  return r.ok ? 'ok' : r.error.code;
}
const demoQr = async () => (await ok<{ qrText: string }>('issueDemoQr')).qrText;
const byName = (c: Catalog, name: string) => c.products.find((p) => p.name === name)!;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  core = await createCore({ dataDir: dir, shell: 'web', version: 'test', lookupDelaysMs: [50, 100, 200] });
  await ensureDrawerOpen(core);
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('catalog CRUD through the router', () => {
  it('creates, edits, reorders, sells out and archives categories and products', async () => {
    const coffee = await ok<{ id: number }>('saveCategory', { name: '커피', color: '#8d6e63' });
    const tea = await ok<{ id: number }>('saveCategory', { name: '차' });
    const a = await ok<Product>('saveProduct', { categoryId: coffee.id, name: '아메리카노', price: 4500, barcodes: ['8801000000012'] });
    const b = await ok<Product>('saveProduct', { categoryId: tea.id, name: '유자차', price: 5000 });
    expect(a).toMatchObject({ name: '아메리카노', price: 4500, taxFree: false, soldOut: false, archived: false, barcodes: ['8801000000012'] });
    await ok('saveProduct', { ...a, price: 4800 });
    expect((await ok<Product>('findProductByBarcode', { code: '8801000000012' }))?.price).toBe(4800);
    await ok('setProductSoldOut', { id: b.id, soldOut: true });
    const reordered = await ok<Catalog>('reorderCatalog', { kind: 'category', ids: [tea.id, coffee.id] });
    expect(reordered.categories.map((c) => c.name)).toEqual(['차', '커피']);
    expect(byName(await ok('getCatalog', {}), '유자차').soldOut).toBe(true);
    await ok('saveProduct', { ...b, archived: true });
    expect((await ok<Catalog>('getCatalog', {})).products.map((p) => p.name)).toEqual(['아메리카노']);
    expect((await ok<Catalog>('getCatalog', { includeArchived: true })).products).toHaveLength(2);
  });

  it('refuses bad input with a clear code and writes nothing', async () => {
    const a = await ok<Product>('saveProduct', { name: '아메리카노', price: 4500, barcodes: ['8801000000012'] });
    expect(await code('saveProduct', { name: '라떼', price: 5000, barcodes: ['8801000000012'] })).toBe('CATALOG_BARCODE_DUPLICATE');
    expect(await code('saveProduct', { name: '라떼', price: 0 })).toBe('CATALOG_PRICE_INVALID');
    expect(await code('saveProduct', { name: '라떼', price: 100_000_001 })).toBe('CATALOG_PRICE_INVALID');
    expect(await code('saveProduct', { name: '   ', price: 100 })).toBe('CATALOG_NAME_INVALID');
    expect(await code('saveProduct', { name: 'A'.repeat(41), price: 100 })).toBe('CATALOG_NAME_INVALID');
    expect(await code('saveProduct', { name: '가'.repeat(21), price: 100 })).toBe('CATALOG_NAME_INVALID');
    expect(await code('saveProduct', { name: '가'.repeat(20), price: 100 })).toBe('ok');
    expect(await code('saveProduct', { name: '할인', price: 1000, optionGroups: [{ name: '쿠폰', min: 1, max: 1, options: [{ name: '큰 할인', priceDelta: -1000 }] }] })).toBe('CATALOG_OPTION_INVALID');
    expect(await code('saveProduct', { name: '라떼', price: 5000, barcodes: ['8801000000013'] })).toBe('BARCODE_CHECK_DIGIT');
    expect(await code('saveProduct', { id: 999, name: '없음', price: 100 })).toBe('CATALOG_NOT_FOUND');
    // the refused duplicate left the first product's barcodes as they were
    expect((await ok<Product>('findProductByBarcode', { code: '8801000000012' }))?.id).toBe(a.id);
    expect((await ok<Catalog>('getCatalog', {})).products.map((p) => p.name)).toEqual(['아메리카노', '가'.repeat(20)]);
  });

  it('the demo menu loads once, into an empty catalog', async () => {
    const c = await ok<Catalog>('loadDemoCatalog', {});
    expect(c.products.map((p) => p.name)).toEqual(expect.arrayContaining(['아메리카노', '카페라떼', '바닐라라떼', '녹차라떼', '자몽에이드', '크로플', '치즈케이크']));
    expect(c.products.filter((p) => p.taxFree).map((p) => p.name)).toEqual(['계란 (10구)']);
    expect(await code('loadDemoCatalog', {})).toBe('CATALOG_NOT_EMPTY');
  });
});

describe('selling catalog items', () => {
  it('snapshots names and options: receipt lines, VAT / 면세 split, later edits and archiving change nothing', async () => {
    await ok('registerStore', registration);
    const c = await ok<Catalog>('loadDemoCatalog', {});
    const americano = byName(c, '아메리카노');
    const eggs = byName(c, '계란 (10구)');
    // ICE (group 0, choice 1), 그란데 (group 1, choice 1)
    const line = priceLine(americano, { 0: [1], 1: [1] }, 2);
    const egg = priceLine(eggs, {}, 1);
    if (!line.ok || !egg.ok) throw new Error('pricing failed');
    expect(line.item.unitPrice).toBe(5000);
    const p = await ok<Payment>('checkout', { items: [line.item, egg.item], qrText: await demoQr() });
    expect(p).toMatchObject({ status: 'approved', amount: 13_900, taxFree: 3900, vat: 909, supply: 9091, itemName: '아메리카노 외 1건' });
    const receipt = (await ok<{ text: string[] }>('getReceiptPreview', { paymentId: p.id })).text.join('\n');
    // name and options wrap inside the 상품명 column (48-column paper)
    expect(receipt).toMatch(/^아메리카노 \(ICE, +5,000 +2 +10,000\n그란데\)/m);
    expect(receipt).toContain('*계란 (10구)');

    await ok('saveProduct', { ...americano, name: '아메리카노 리뉴얼', price: 9999, archived: true });
    const detail = await ok<PaymentDetail>('getPaymentDetail', { id: p.id });
    expect(detail.payment.items[0]).toMatchObject({ name: '아메리카노', unitPrice: 5000, productId: americano.id, options: [{ group: '온도', name: 'ICE', priceDelta: 0 }, { group: '사이즈', name: '그란데', priceDelta: 500 }] });
    const sales = await ok<ProductSales>('getProductSales', { from: todaySeoul(), to: todaySeoul() });
    expect(sales.byProduct.map((s) => [s.name, s.quantity, s.net])).toEqual([
      ['아메리카노', 2, 10_000],
      ['계란 (10구)', 1, 3900],
    ]);
    expect(sales.byCategory.map((s) => [s.name, s.net])).toEqual([
      ['커피', 10_000],
      ['식품', 3900],
    ]);
    // the sales CSV names the products and their options, with product ids and the quantity
    const csv = await ok<{ text: string }>('exportCsv', { from: todaySeoul(), to: todaySeoul() });
    const [head, row] = parse(csv.text, { bom: true }) as string[][];
    const at = (name: string) => head!.indexOf(name);
    expect(row![at('품목')]).toBe('아메리카노 (ICE, 그란데) 5000×2 / 계란 (10구)(면세) 3900×1');
    expect(row![at('상품번호')]).toBe(`${americano.id} / ${eggs.id}`);
    expect(row![at('수량')]).toBe('3');
  });

  it('refuses a stale price, a sold-out or an archived product at checkout, before recording anything', async () => {
    await ok('registerStore', registration);
    const c = await ok<Catalog>('loadDemoCatalog', {});
    const croffle = byName(c, '크로플');
    const item = { name: '크로플', unitPrice: 4000, quantity: 1, taxFree: false, productId: croffle.id, categoryId: croffle.categoryId, options: [] };
    expect(await code('checkout', { items: [{ ...item, unitPrice: 100 }], qrText: await demoQr() })).toBe('CATALOG_PRICE_CHANGED');
    await ok('setProductSoldOut', { id: croffle.id, soldOut: true });
    expect(await code('checkout', { items: [item], qrText: await demoQr() })).toBe('PRODUCT_SOLD_OUT');
    await ok('saveProduct', { ...croffle, soldOut: false, archived: true });
    expect(await code('checkout', { items: [item], qrText: await demoQr() })).toBe('CATALOG_NOT_FOUND');
    expect(await ok<Payment[]>('listPayments')).toHaveLength(0);
  });

  it('nets a partial cancel out of the product lines', async () => {
    await ok('registerStore', registration);
    const c = await ok<Catalog>('loadDemoCatalog', {});
    const a = priceLine(byName(c, '크로플'), {}, 1);
    const b = priceLine(byName(c, '치즈케이크'), {}, 1);
    if (!a.ok || !b.ok) throw new Error('pricing failed');
    const p = await ok<Payment>('checkout', { items: [a.item, b.item], qrText: await demoQr() });
    await ok('refundPayment', { paymentId: p.id, amount: 1050 });
    const sales = await ok<ProductSales>('getProductSales', { from: todaySeoul(), to: todaySeoul() });
    const net = Object.fromEntries(sales.byProduct.map((s) => [s.name, s.net]));
    // 1,050 shared 4,000 : 6,500 → 400 + 650
    expect(net).toEqual({ 치즈케이크: 5850, 크로플: 3600 });
  });
});

describe('catalog CSV', () => {
  const b64 = (buf: Buffer) => buf.toString('base64');
  const header = '번호,분류,상품명,가격,면세,바코드,품절,보관,순서,별칭,옵션';

  it('exports UTF-8 with BOM and CP949 and imports both back (round trip)', async () => {
    await ok('loadDemoCatalog', {});
    for (const encoding of ['utf-8', 'cp949'] as const) {
      const out = await ok<{ base64: string; rows: number }>('exportCatalogCsv', { encoding });
      const bytes = Buffer.from(out.base64, 'base64');
      if (encoding === 'utf-8') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      else expect(iconv.decode(bytes, 'cp949').split('\r\n')[0]).toBe(header);
      const report = await ok<CatalogCsvReport>('importCatalogCsv', { base64: out.base64 });
      expect(report).toMatchObject({ encoding, rows: out.rows, created: 0, updated: out.rows, errors: [], written: true });
    }
    expect((await ok<Catalog>('getCatalog', {})).products).toHaveLength(8);
  });

  it('dry run lists every bad row (line, column, reason); import is all or nothing', async () => {
    await ok('saveProduct', { name: '기존상품', price: 1000, barcodes: ['8801000000999'] });
    const csv = [
      header,
      ',커피,아메리카노,4500,N,8801000000012,N,N,10,americano,온도[1-1]=HOT:0|ICE:0',
      ',커피,,4500,N,,N,N,,,',
      ',커피,라떼,0,N,,N,N,,,',
      ',커피,라떼2,5000,N,8801000000012,N,N,,,',
      ',커피,라떼3,5000,N,8801000000999,N,N,,,',
      ',커피,라떼4,5000,N,,N,N,,,사이즈=톨',
      `,커피,${'가'.repeat(21)},5000,N,,N,N,,,`,
      ',커피,할인,1000,N,,N,N,,,쿠폰[1-1]=할인:-2000',
      '77,커피,없는상품,1000,N,,N,N,,,',
    ].join('\r\n');
    const bytes = iconv.encode(csv, 'cp949');
    const preview = await ok<CatalogCsvReport>('previewCatalogCsv', { base64: b64(bytes) });
    expect(preview.encoding).toBe('cp949');
    expect(preview.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, '상품명', 'CATALOG_NAME_INVALID'],
      [4, '가격', 'CATALOG_PRICE_INVALID'],
      [5, '바코드', 'CATALOG_BARCODE_DUPLICATE'],
      [6, '바코드', 'CATALOG_BARCODE_DUPLICATE'],
      [7, '옵션', 'CATALOG_OPTION_INVALID'],
      [8, '상품명', 'CATALOG_NAME_INVALID'],
      [9, '옵션', 'CATALOG_OPTION_INVALID'],
      [10, '번호', 'CATALOG_NOT_FOUND'],
    ]);
    const imported = await ok<CatalogCsvReport>('importCatalogCsv', { base64: b64(bytes) });
    expect(imported.written).toBe(false);
    expect((await ok<Catalog>('getCatalog', {})).products.map((p) => p.name)).toEqual(['기존상품']);
  });

  it('refuses a wrong encoding, missing columns and 10,000 rows, writing nothing', async () => {
    expect(await code('previewCatalogCsv', { base64: b64(Buffer.from(`\ufeff${header}\r\n`, 'utf16le')) })).toBe('CSV_ENCODING');
    expect(await code('previewCatalogCsv', { base64: b64(Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x41])) })).toBe('CSV_ENCODING');
    expect(await code('importCatalogCsv', { base64: b64(Buffer.from('\ufeff이름,값\r\n아메리카노,4500\r\n')) })).toBe('CSV_COLUMNS');
    const big = [header, ...Array.from({ length: 10_000 }, (_, i) => `,,상품${i},1000,N,,N,N,,,`)].join('\r\n');
    expect(await code('importCatalogCsv', { base64: b64(Buffer.from(big)) })).toBe('CSV_TOO_MANY_ROWS');
    expect((await ok<Catalog>('getCatalog', { includeArchived: true })).products).toHaveLength(0);
  });
});
