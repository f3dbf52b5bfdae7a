/** How a store's 업종 code reads on screen: "552101 한식 일반 음식점업", or "업종 552199 (이름 없음)" for a code without a name. */
import { storeCategoryName } from '../../../../shared/domain/store-category';

export function categoryLabel(code: number, { t, lang }: { t: (key: 'store.category.unnamed', vars: { code: number }) => string; lang: 'ko' | 'en' }): string {
  const name = storeCategoryName(code, lang);
  return name ? `${code} ${name}` : t('store.category.unnamed', { code });
}
