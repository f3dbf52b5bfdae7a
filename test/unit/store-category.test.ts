/**
 * The 업종 table (shared/domain/store-category.ts): its rows as published by the source it cites, the
 * search the picker uses (name, 초성, English, code prefix), the on-screen label of named and unnamed codes,
 * and the store form's handling of what the owner typed.
 */
import { describe, expect, it } from 'vitest';
import { searchStoreCategories, STORE_CATEGORIES, storeCategoryName, storeCategoryOf } from '../../shared/domain/store-category';
import { categoryLabel } from '../../renderer/src/features/onboarding/category-label';
import { EMPTY_FORM, validateStoreForm } from '../../renderer/src/features/onboarding/store-form-model';
import { en } from '../../renderer/src/i18n/en';
import { ko } from '../../renderer/src/i18n/ko';

type Lang = 'ko' | 'en';
const i18n = (lang: Lang) => ({ lang, t: (k: 'store.category.unnamed', v: { code: number }) => (lang === 'ko' ? ko : en)[k].replace('{code}', String(v.code)) });

describe('업종 table', () => {
  it('has six-digit, unique codes, each with a Korean and an English name', () => {
    expect(STORE_CATEGORIES.length).toBeGreaterThanOrEqual(30);
    for (const c of STORE_CATEGORIES) {
      expect(String(c.code)).toMatch(/^\d{6}$/);
      expect(c.ko.length).toBeGreaterThan(0);
      expect(c.en.length).toBeGreaterThan(0);
    }
    expect(new Set(STORE_CATEGORIES.map((c) => c.code)).size).toBe(STORE_CATEGORIES.length);
  });

  it('names the codes as the cited 국세청 list does (seed 003 example 552101 included)', () => {
    // written from scripts/industry/nts-mid.tsv (the source named in store-category.ts), not from the table
    expect(storeCategoryName(552101, 'ko')).toBe('한식 일반 음식점업');
    expect(storeCategoryName(552303, 'ko')).toBe('커피 전문점');
    expect(storeCategoryName(521992, 'ko')).toBe('체인화 편의점');
    expect(storeCategoryName(930203, 'ko')).toBe('두발 미용업');
    expect(storeCategoryName(552101, 'en')).toBe('Korean restaurant');
    expect(storeCategoryOf(552199)).toBeNull();
  });

  it('finds trades by name, 초성, English name and code prefix', () => {
    expect(searchStoreCategories('커피')[0]?.code).toBe(552303);
    expect(searchStoreCategories('ㅋㅍ').map((c) => c.code)).toContain(552303);
    expect(searchStoreCategories('편의점').map((c) => c.code)).toEqual([521992]);
    expect(searchStoreCategories('coffee').map((c) => c.code)).toEqual([552303]);
    expect(searchStoreCategories('Hair').map((c) => c.code)).toEqual([930203]);
    const prefix = searchStoreCategories('5523').map((c) => c.code);
    expect(prefix.sort()).toEqual([552301, 552303, 552307]);
    expect(searchStoreCategories('')).toHaveLength(STORE_CATEGORIES.length);
    expect(searchStoreCategories('우주선')).toEqual([]);
  });

  it('labels a named code with its name and an unnamed one as such, in both languages', () => {
    expect(categoryLabel(552101, i18n('ko'))).toBe('552101 한식 일반 음식점업');
    expect(categoryLabel(552101, i18n('en'))).toBe('552101 Korean restaurant');
    expect(categoryLabel(552199, i18n('ko'))).toBe('업종 552199 (이름 없음)');
    expect(categoryLabel(552199, i18n('en'))).toBe('Category 552199 (no name)');
  });
});

describe('store form: 업종 field', () => {
  const filled = { ...EMPTY_FORM, businessNo: '220-81-62517', name: '하나카페', phone: '02-1234-5678', address1: '서울특별시 중구', address2: '을지로 35' };
  it('sends a picked or typed code, nothing when empty, and says what is wrong for a name that was not picked', () => {
    const picked = validateStoreForm({ ...filled, categoryCd: '552303' });
    expect(picked.ok && picked.value.categoryCd).toBe(552303);
    const empty = validateStoreForm({ ...filled, categoryCd: '  ' });
    expect(empty.ok && empty.value.categoryCd).toBeUndefined();
    for (const typed of ['커피', '12', '1234567']) {
      const r = validateStoreForm({ ...filled, categoryCd: typed });
      expect(r.ok ? null : r.errors.categoryCd).toEqual({ kind: 'text', key: 'store.category.invalid' });
    }
  });
});
