/** On the checkout screen itself (not only a dot in the status bar): the payment server cannot be reached. */
import type { AppInfo } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n';

export function BackendDownBanner({ appInfo }: { appInfo: AppInfo | null }) {
  const { t } = useI18n();
  if (!appInfo || appInfo.backend.reachable) return null;
  return (
    <p className="banner banner--bad" role="alert" data-testid="backend-down">
      <strong>{t('checkout.backendDown')}</strong> {t('checkout.backendDownHint')}
    </p>
  );
}
