/** After registration: the issued 가맹점 코드 (cid), big, and the way to checkout. */
import type { StoreProfile } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n';
import { DemoCatalogOffer } from '../menu/DemoCatalogOffer';
import '../menu/menu.css';

export function RegisteredCard({ store, onStart }: { store: StoreProfile; onStart: () => void }) {
  const { t } = useI18n();
  return (
    <section className="registered" role="status">
      <h1 className="registered__title">✓ {t('onboarding.done')}</h1>
      <p className="registered__name">{store.name}</p>
      <div className="registered__cid">
        <span>{t('onboarding.cid')}</span>
        <strong className="mono" data-testid="issued-cid">
          {store.cid}
        </strong>
      </div>
      <p className="muted">{t('onboarding.cidHint')}</p>
      {store.enrollmentCode && (
        <div className="registered__enroll" role="note">
          <span>{t('onboarding.enrollmentCode')}</span>
          <strong className="mono" data-testid="issued-enrollment-code">
            {store.enrollmentCode}
          </strong>
          <p>{t('onboarding.enrollmentCodeHint')}</p>
        </div>
      )}
      <DemoCatalogOffer />
      <button type="button" className="btn btn--primary btn--big" data-testid="go-checkout" autoFocus onClick={onStart}>
        {t('onboarding.start')}
      </button>
    </section>
  );
}
