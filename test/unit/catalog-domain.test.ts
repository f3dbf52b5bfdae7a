/** Catalog domain rules (issue 12): 초성, check digits, option pricing, snapshots, CSV rows. */
import { describe, expect, it } from 'vitest';
import { barcodeKey, gs1CheckDigit, parseBarcode } from '../../shared/domain/catalog/barcode';
import { choseong, isChoseongQuery, matchScore, searchByName } from '../../shared/domain/catalog/choseong';
import { formatOptionsCell, mapHeader, parseCsvRow, parseOptionsCell } from '../../shared/domain/catalog/catalog-csv';
import { optionPriceRange, productInputSchema, type Product } from '../../shared/domain/catalog/catalog-model';
import { defaultSelection, expectedUnitPrice, priceLine } from '../../shared/domain/catalog/option-pricing';
import { itemLabel } from '../../shared/domain/cart';
import { classifyScan } from '../../shared/domain/catalog/scan-code';
import { encodeQrPayload } from '../../shared/domain/qr-payload';

describe('초성', () => {
  it('extracts the initial consonant of each syllable, keeping Latin, digits and spaces', () => {
    expect(choseong('아메리카노')).toBe('ㅇㅁㄹㅋㄴ');
    expect(choseong('까페 라떼 2잔')).toBe('ㄲㅍ ㄹㄸ 2ㅈ');
    expect(choseong('쌍쌍바 ICE')).toBe('ㅆㅆㅂ ICE');
    expect(choseong('짜장')).toBe('ㅉㅈ');
    expect(choseong('힣가')).toBe('ㅎㄱ'); // the last and first syllables of the block
  });
  it('matches choseong, syllables (prefix and substring), mixed IME input and ASCII aliases', () => {
    expect(matchScore('ㅇㅁㄹㅋ', '아메리카노')).toBeGreaterThan(0);
    expect(matchScore('ㄹㅋㄴ', '아메리카노')).toBeGreaterThan(0);
    expect(matchScore('아메', '아메리카노')).toBe(3);
    expect(matchScore('리카', '아메리카노')).toBe(2);
    expect(matchScore('아ㅁ', '아메리카노')).toBeGreaterThan(0); // IME mid-composition
    expect(matchScore('americano', '아메리카노', 'americano')).toBe(1);
    expect(matchScore('Ameri', '아메리카노', 'americano, coffee')).toBe(1);
    expect(matchScore('ㄸ', '카페라떼')).toBeGreaterThan(0);
    expect(matchScore('ㄷ', '카페라떼')).toBe(0); // ㄸ is not ㄷ
    expect(matchScore('ㅇㅁㄹㅋ', '카페라떼')).toBe(0);
    expect(matchScore('', '아메리카노')).toBe(0);
    expect(isChoseongQuery('ㅇㅁ')).toBe(true);
    expect(isChoseongQuery('아ㅁ')).toBe(false);
  });
  it('ranks name prefixes before substrings and aliases', () => {
    const items = [{ name: '바닐라라떼' }, { name: '라떼' }, { name: '카페라떼', alias: 'latte' }];
    expect(searchByName(items, '라떼', (x) => x).map((x) => x.name)).toEqual(['라떼', '바닐라라떼', '카페라떼']);
    expect(searchByName(items, 'latte', (x) => x).map((x) => x.name)).toEqual(['카페라떼']);
  });
});

describe('barcodes', () => {
  it('computes GS1 check digits (EAN-13, EAN-8, UPC-A)', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1); // 4006381333931, a published EAN-13
    expect(gs1CheckDigit('9638507')).toBe(4); // 96385074, a published EAN-8
    expect(gs1CheckDigit('03600029145')).toBe(2); // 036000291452, a published UPC-A
  });
  it('classifies codes and refuses a wrong check digit', () => {
    expect(parseBarcode('4006381333931')).toEqual({ ok: true, format: 'EAN-13', code: '4006381333931' });
    expect(parseBarcode('96385074')).toMatchObject({ ok: true, format: 'EAN-8' });
    expect(parseBarcode('036000291452')).toMatchObject({ ok: true, format: 'UPC-A' });
    expect(parseBarcode('4006381333932')).toEqual({ ok: false, reason: 'check_digit' });
    expect(parseBarcode('ABC-123')).toMatchObject({ ok: true, format: 'Code128' });
    expect(parseBarcode('가나다')).toEqual({ ok: false, reason: 'not_printable' });
    expect(parseBarcode('X'.repeat(49))).toEqual({ ok: false, reason: 'too_long' });
    expect(barcodeKey('036000291452')).toBe('0036000291452');
  });
  it('the scan router tells a payment QR from a product barcode from anything else', () => {
    const qr = encodeQrPayload('ABCDEFGHIJKLMNOP');
    expect(classifyScan(qr)).toEqual({ kind: 'payment', text: qr });
    expect(classifyScan('4006381333931')).toEqual({ kind: 'product', format: 'EAN-13', code: '4006381333931' });
    expect(classifyScan('HELLO-128')).toEqual({ kind: 'product', format: 'Code128', code: 'HELLO-128' });
    expect(classifyScan('4006381333932')).toEqual({ kind: 'invalid', code: 'BARCODE_CHECK_DIGIT' });
    expect(classifyScan(`${qr.slice(0, 6)}${qr[6] === 'B' ? 'C' : 'B'}${qr.slice(7)}`)).toMatchObject({ kind: 'invalid', code: 'QR_CHECKSUM' });
    expect(classifyScan('')).toEqual({ kind: 'invalid', code: 'QR_EMPTY' });
    expect(classifyScan('https://example.com/a?b=c d')).toEqual({ kind: 'invalid', code: 'QR_UNKNOWN_FORMAT' });
  });
});

const americano: Product = {
  id: 1,
  categoryId: 2,
  name: '아메리카노',
  alias: 'americano',
  price: 4500,
  taxFree: false,
  barcodes: [],
  soldOut: false,
  archived: false,
  sortOrder: 0,
  optionGroups: [
    { name: '온도', min: 1, max: 1, options: [{ name: 'HOT', priceDelta: 0 }, { name: 'ICE', priceDelta: 0 }] },
    { name: '사이즈', min: 1, max: 1, options: [{ name: '톨', priceDelta: 0 }, { name: '그란데', priceDelta: 500 }] },
    { name: '추가', min: 0, max: 2, options: [{ name: '샷', priceDelta: 500 }, { name: '시럽', priceDelta: 300 }] },
  ],
};

describe('option pricing and snapshots', () => {
  it('prices the chosen options into the line and keeps them as a snapshot', () => {
    const r = priceLine(americano, { 0: [1], 1: [1], 2: [0, 1] }, 2);
    expect(r).toEqual({
      ok: true,
      item: {
        name: '아메리카노',
        unitPrice: 5800,
        quantity: 2,
        taxFree: false,
        productId: 1,
        categoryId: 2,
        options: [
          { group: '온도', name: 'ICE', priceDelta: 0 },
          { group: '사이즈', name: '그란데', priceDelta: 500 },
          { group: '추가', name: '샷', priceDelta: 500 },
          { group: '추가', name: '시럽', priceDelta: 300 },
        ],
      },
    });
    if (r.ok) expect(itemLabel(r.item)).toBe('아메리카노 (ICE, 그란데, 샷, 시럽)');
  });
  it('enforces min and max choices per group', () => {
    expect(priceLine(americano, { 1: [0] })).toEqual({ ok: false, group: 0, reason: 'too_few' });
    expect(priceLine(americano, { 0: [0, 1], 1: [0] })).toEqual({ ok: false, group: 0, reason: 'too_many' });
    expect(priceLine(americano, { 0: [5], 1: [0] })).toEqual({ ok: false, group: 0, reason: 'unknown_choice' });
    expect(priceLine(americano, defaultSelection(americano))).toMatchObject({ ok: true, item: { unitPrice: 4500 } });
  });
  it('a snapshot does not follow later catalog edits; the core sees the stale price', () => {
    const r = priceLine(americano, { 0: [0], 1: [1] });
    if (!r.ok) throw new Error('priced');
    const frozen = structuredClone(r.item);
    const edited: Product = { ...americano, name: '아메리카노 NEW', price: 4800 };
    expect(r.item).toEqual(frozen);
    expect(expectedUnitPrice(edited, r.item.options ?? [])).toBe(5300);
    expect(expectedUnitPrice(americano, r.item.options ?? [])).toBe(r.item.unitPrice);
    expect(expectedUnitPrice(americano, [{ group: '사이즈', name: '벤티', priceDelta: 900 }])).toBeNull();
  });
  it('refuses options whose cheapest pick makes the price 0 or negative', () => {
    const group = (delta: number, min = 1) => ({ name: '쿠폰', min, max: 1, options: [{ name: 'A', priceDelta: delta }] });
    expect(optionPriceRange(1000, [group(-999)])).toEqual({ low: 1, high: 1000 - 999 });
    expect(productInputSchema.safeParse({ name: 'x', price: 1000, optionGroups: [group(-999)] }).success).toBe(true);
    expect(productInputSchema.safeParse({ name: 'x', price: 1000, optionGroups: [group(-1000)] }).success).toBe(false);
    expect(productInputSchema.safeParse({ name: 'x', price: 1000, optionGroups: [group(-1000, 0)] }).success).toBe(false); // optional pick still counts
  });
});

describe('catalog CSV rows', () => {
  const header = mapHeader(['번호', '분류', '상품명', '가격', '면세', '바코드', '품절', '보관', '순서', '별칭', '옵션']);
  if (!header.ok) throw new Error('header');
  it('parses options cells and writes them back the same', () => {
    const cell = '온도[1-1]=HOT:0|ICE:0; 사이즈[1-1]=톨:0|그란데:500';
    const groups = parseOptionsCell(cell);
    expect(groups).toEqual([
      { name: '온도', min: 1, max: 1, options: [{ name: 'HOT', priceDelta: 0 }, { name: 'ICE', priceDelta: 0 }] },
      { name: '사이즈', min: 1, max: 1, options: [{ name: '톨', priceDelta: 0 }, { name: '그란데', priceDelta: 500 }] },
    ]);
    expect(formatOptionsCell(groups!)).toBe(cell);
    expect(parseOptionsCell('사이즈=톨')).toBeNull();
  });
  it('a good row, and a bad row with one reason per column', () => {
    const good = parseCsvRow(['', '커피', '아메리카노', '4,500', 'N', '8801000000012 4006381333931', 'N', 'N', '10', 'americano', ''], header.index, 2);
    expect(good).toMatchObject({ ok: true, row: { line: 2, id: undefined, categoryName: '커피', product: { name: '아메리카노', price: 4500, barcodes: ['8801000000012', '4006381333931'] } } });
    const bad = parseCsvRow(['x', '커피', '', '공짜', '아마도', '12345678', 'N', 'N', '', '', ''], header.index, 7);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [7, '번호', 'VALIDATION_FAILED'],
      [7, '면세', 'VALIDATION_FAILED'],
      [7, '상품명', 'CATALOG_NAME_INVALID'],
      [7, '가격', 'CATALOG_PRICE_INVALID'],
      [7, '바코드', 'BARCODE_CHECK_DIGIT'],
    ]);
  });
  it('names the missing required columns', () => {
    expect(mapHeader(['분류', '이름'])).toEqual({ ok: false, missing: ['상품명', '가격'] });
  });
});
