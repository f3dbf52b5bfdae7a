/** 매장 정보: the registered store, read only. */
import type { StoreProfile } from '../../../../shared/contract';
import { formatBusinessNumber } from '../../../../shared/domain/business-number';
import { formatSeoulDateTime } from '../../../../shared/domain/time';
import { useI18n } from '../../i18n/i18n';
import { categoryLabel } from './category-label';

/** `bare`: without the screen title (inside the 설정 screen's section). */
export function StoreProfileView({ store, bare = false }: { store: StoreProfile; bare?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows: [string, string, string?][] = [
    [t('onboarding.cid'), store.cid, 'store-cid'],
    [t('field.bizNo'), formatBusinessNumber(store.businessNo), 'store-biz-no'],
    [t('field.name'), store.name],
    [t('field.representative'), store.representative || '-'],
    [t('field.phone'), store.phone],
    [t('field.address1'), store.address1],
    [t('field.address2'), store.address2],
    [t('field.postNo'), store.postNo || '-'],
    [t('store.category.field'), categoryLabel(store.categoryCd, i18n), 'store-category-view'],
    [t('store.registeredAt'), formatSeoulDateTime(store.registeredAt)],
  ];
  return (
    <section className="profile">
      {!bare && <h1 className="screen-title">{t('store.title')}</h1>}
      <dl className="profile__list">
        {rows.map(([label, value, testId]) => (
          <div key={label} className="profile__row">
            <dt>{label}</dt>
            <dd data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
