/**
 * 업종 (the store's `category_cd`, seed 003: "가맹점 업종 분류 코드", e.g. 552101): the common shop trades
 * with their names, so that screens show "552101 한식 일반 음식점업" instead of a bare number, and the
 * owner can pick a trade by name.
 *
 * The codes are the 국세청 업종코드 (six digits, the 기준경비율·단순경비율 code list; not the KSIC numbers:
 * 국세청 codes keep the older generation, 소매 52xxxx and 음식 55xxxx). Source of every row below
 * (code and Korean name, as published there):
 *   KernelAcademy-AICamp/ai-camp-8th-main-project-1team, scripts/industry/nts-mid.tsv
 *   (commit a0e9c2c3dfd30aad4c9a4012d8cb245edc18aac6), which transcribes "국세청 2025년 귀속 업종코드, 1,542개".
 * Cross-checked: 552101 한식, 552102 중식, 552103 일식, 552104 서양식, 552107 치킨, 552108 분식·간이음식점,
 * 552303 커피숍, 521100 슈퍼마켓, 521992 편의점, 930201 이용, 930203 미용, 809005 일반교과학원 against a second
 * public transcription of the 2025년 귀속 경비율 고시 (국세청고시 제2026-14호). The English names are our
 * translations. docs/store-category.md says the same, and how to add a row.
 *
 * Only this short list has names; any other code still works everywhere (stored, sent, shown as
 * "업종 552199 (이름 없음)").
 */
import { z } from 'zod';
import { searchByName } from './catalog/choseong';

/** A 국세청 업종코드: six digits, 010101…999999 (as the payment server sends it: an integer). */
export const storeCategoryCodeSchema = z.number().int().min(10_000).max(999_999);

const storeCategorySchema = z
  .object({
    code: storeCategoryCodeSchema,
    /** The 국세청 name, as published. */
    ko: z.string().min(1).max(40),
    en: z.string().min(1).max(60),
    /** The group the picker shows it under. */
    group: z.enum(['food', 'cafe', 'retail', 'beauty', 'service']),
  })
  .strict();
export type StoreCategory = z.infer<typeof storeCategorySchema>;

const ROWS: readonly StoreCategory[] = [
  // 음식점
  { code: 552101, ko: '한식 일반 음식점업', en: 'Korean restaurant', group: 'food' },
  { code: 552114, ko: '한식 면 요리 전문점', en: 'Korean noodle restaurant', group: 'food' },
  { code: 552115, ko: '한식 육류 요리 전문점', en: 'Korean meat restaurant', group: 'food' },
  { code: 552116, ko: '한식 해산물 요리 전문점', en: 'Korean seafood restaurant', group: 'food' },
  { code: 552102, ko: '중식 음식점업', en: 'Chinese restaurant', group: 'food' },
  { code: 552103, ko: '일식 음식점업', en: 'Japanese restaurant', group: 'food' },
  { code: 552104, ko: '서양식 음식점업', en: 'Western restaurant', group: 'food' },
  { code: 552117, ko: '기타 외국식 음식점업', en: 'Other foreign-cuisine restaurant', group: 'food' },
  { code: 552107, ko: '치킨 전문점', en: 'Chicken restaurant', group: 'food' },
  { code: 552108, ko: '김밥 및 기타 간이 음식점업', en: 'Gimbap and snack restaurant', group: 'food' },
  { code: 552118, ko: '피자, 햄버거, 샌드위치 및 유사 음식점업', en: 'Pizza, burger and sandwich shop', group: 'food' },
  { code: 552205, ko: '생맥주 전문점', en: 'Draft beer pub', group: 'food' },
  { code: 552207, ko: '기타 주점업', en: 'Other bar', group: 'food' },
  // 카페·제과
  { code: 552303, ko: '커피 전문점', en: 'Coffee shop', group: 'cafe' },
  { code: 552307, ko: '기타 비알코올 음료점업', en: 'Other non-alcoholic drinks shop', group: 'cafe' },
  { code: 552301, ko: '제과점업', en: 'Bakery', group: 'cafe' },
  // 소매
  { code: 521992, ko: '체인화 편의점', en: 'Convenience store (chain)', group: 'retail' },
  { code: 521100, ko: '슈퍼마켓', en: 'Supermarket', group: 'retail' },
  { code: 521991, ko: '그 외 기타 종합 소매업', en: 'Other general retail', group: 'retail' },
  { code: 522020, ko: '육류 소매업', en: 'Butcher', group: 'retail' },
  { code: 522040, ko: '채소, 과실 및 뿌리작물 소매업', en: 'Greengrocer', group: 'retail' },
  { code: 522061, ko: '빵류, 과자류 및 당류 소매업', en: 'Bread and confectionery retail', group: 'retail' },
  { code: 522080, ko: '담배 소매업', en: 'Tobacco retail', group: 'retail' },
  { code: 523111, ko: '의약품 및 의료용품 소매업', en: 'Pharmacy', group: 'retail' },
  { code: 523131, ko: '화장품, 비누 및 방향제 소매업', en: 'Cosmetics retail', group: 'retail' },
  { code: 523237, ko: '기타 의복 소매업', en: 'Clothing retail', group: 'retail' },
  { code: 523241, ko: '신발 소매업', en: 'Shoe retail', group: 'retail' },
  { code: 523511, ko: '서적, 신문 및 잡지류 소매업', en: 'Bookshop', group: 'retail' },
  { code: 523520, ko: '문구용품 및 회화용품 소매업', en: 'Stationery retail', group: 'retail' },
  { code: 523987, ko: '화초 및 식물 소매업', en: 'Florist', group: 'retail' },
  { code: 523996, ko: '반려용동물 및 관련용품 소매업', en: 'Pet shop', group: 'retail' },
  // 미용
  { code: 930201, ko: '이용업', en: 'Barber', group: 'beauty' },
  { code: 930203, ko: '두발 미용업', en: 'Hair salon', group: 'beauty' },
  { code: 930205, ko: '피부 미용업', en: 'Skin care salon', group: 'beauty' },
  { code: 930207, ko: '기타 미용업', en: 'Other beauty (nails etc.)', group: 'beauty' },
  // 생활 서비스
  { code: 930100, ko: '가정용 세탁업', en: 'Laundry', group: 'service' },
  { code: 924305, ko: '체력 단련시설 운영업', en: 'Gym', group: 'service' },
  { code: 924903, ko: '노래 연습장 운영업', en: 'Karaoke room', group: 'service' },
  { code: 924909, ko: '컴퓨터 게임방 운영업', en: 'PC room', group: 'service' },
  { code: 809005, ko: '일반 교과학원', en: 'Tutoring academy', group: 'service' },
];

/** The curated list, checked once with its schema (a bad row fails at start-up and in the unit test, not on screen). */
export const STORE_CATEGORIES: readonly StoreCategory[] = z
  .array(storeCategorySchema)
  .refine((rows) => new Set(rows.map((r) => r.code)).size === rows.length, 'store categories: duplicate code')
  .parse(ROWS);

const BY_CODE = new Map(STORE_CATEGORIES.map((c) => [c.code, c]));

/** The named trade of a code, or null when the list has no name for it. */
export function storeCategoryOf(code: number): StoreCategory | null {
  return BY_CODE.get(code) ?? null;
}

/** The trade's name in the language, or null (unknown code). */
export function storeCategoryName(code: number, lang: 'ko' | 'en'): string | null {
  const c = BY_CODE.get(code);
  return c ? c[lang] : null;
}

/**
 * The trades that match what the owner typed: digits match the code by prefix; words match the Korean
 * name (with 초성: "ㅋㅍ" finds 커피 전문점) or the English name. Best first; the whole list for "".
 */
export function searchStoreCategories(query: string): StoreCategory[] {
  const q = query.trim();
  if (q === '') return [...STORE_CATEGORIES];
  if (/^\d+$/.test(q)) return STORE_CATEGORIES.filter((c) => String(c.code).startsWith(q));
  return searchByName(STORE_CATEGORIES, q, (c) => ({ name: c.ko, alias: c.en }));
}
