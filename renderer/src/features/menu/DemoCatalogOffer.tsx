/** Onboarding and an empty menu: offer the café demo menu (one click), so a new store can sell in seconds. */
import { useState } from 'react';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { catalogChanged, useCatalog } from './catalog-store';

export function DemoCatalogOffer() {
  const { t } = useI18n();
  const catalog = useCatalog();
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState<number | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  if (loaded !== null)
    return (
      <p className="demo-offer" role="status" data-testid="demo-catalog-loaded">
        ✓ {t('menu.demoLoaded', { count: loaded })}
      </p>
    );
  if (catalog.products.length > 0) return null;
  const load = async () => {
    setBusy(true);
    try {
      const c = await pos.loadDemoCatalog({});
      await catalogChanged();
      setLoaded(c.products.length);
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="demo-offer" data-testid="demo-catalog-offer">
      <span>{t('menu.demoOffer')}</span>
      <button type="button" className="btn btn--secondary" data-testid="demo-catalog-load" disabled={busy} onClick={() => void load()}>
        {t('menu.demoLoad')}
      </button>
      <ErrorText code={error} testId="demo-catalog-error" />
    </div>
  );
}
