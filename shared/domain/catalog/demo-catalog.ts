/**
 * The demo menu a new store can load at onboarding (a Korean café), so a first sale takes seconds.
 * 계란 is the 면세 product (unprocessed food is VAT-exempt; bottled water is not). EAN-13 codes are
 * valid GS1 numbers under the Korean prefix 880 made up for the demo.
 */
import type { CategoryInput, OptionGroup, ProductInput } from './catalog-model';

const TEMP: OptionGroup = { name: '온도', min: 1, max: 1, options: [{ name: 'HOT', priceDelta: 0 }, { name: 'ICE', priceDelta: 0 }] };
const SIZE: OptionGroup = { name: '사이즈', min: 1, max: 1, options: [{ name: '톨', priceDelta: 0 }, { name: '그란데', priceDelta: 500 }, { name: '벤티', priceDelta: 1000 }] };
const SHOT: OptionGroup = { name: '샷 추가', min: 0, max: 2, options: [{ name: '샷 추가', priceDelta: 500 }, { name: '시럽 추가', priceDelta: 300 }] };

export interface DemoCatalog {
  categories: (CategoryInput & { key: string })[];
  products: (Omit<ProductInput, 'categoryId'> & { category: string })[];
}

export const DEMO_CATALOG: DemoCatalog = {
  categories: [
    { key: 'coffee', name: '커피', color: '#8d6e63', sortOrder: 10 },
    { key: 'drink', name: '음료', color: '#43a047', sortOrder: 20 },
    { key: 'dessert', name: '디저트', color: '#f4511e', sortOrder: 30 },
    { key: 'grocery', name: '식품', color: '#fdd835', sortOrder: 40 },
  ],
  products: [
    { category: 'coffee', name: '아메리카노', alias: 'americano', price: 4500, barcodes: ['8801000000012'], sortOrder: 10, optionGroups: [TEMP, SIZE, SHOT] },
    { category: 'coffee', name: '카페라떼', alias: 'cafe latte', price: 5000, barcodes: ['8801000000029'], sortOrder: 20, optionGroups: [TEMP, SIZE, SHOT] },
    { category: 'coffee', name: '바닐라라떼', alias: 'vanilla latte', price: 5500, sortOrder: 30, optionGroups: [TEMP, SIZE, SHOT] },
    { category: 'drink', name: '녹차라떼', alias: 'green tea latte', price: 5500, sortOrder: 10, optionGroups: [TEMP, SIZE] },
    { category: 'drink', name: '자몽에이드', alias: 'grapefruit ade', price: 6000, sortOrder: 20, optionGroups: [SIZE] },
    { category: 'dessert', name: '크로플', alias: 'croffle', price: 4000, barcodes: ['8801000000036'], sortOrder: 10 },
    { category: 'dessert', name: '치즈케이크', alias: 'cheesecake', price: 6500, sortOrder: 20 },
    { category: 'grocery', name: '계란 (10구)', alias: 'eggs', price: 3900, taxFree: true, barcodes: ['8801000000043'], sortOrder: 10 },
  ],
};
