/**
 * Status bar items that appear only when something needs the cashier's eye (issue 10): the merchant key
 * file damaged or a needed key missing, and the payments the start-up recovery is still checking.
 */
import type { AppInfo } from '../../../shared/contract';
import { useI18n } from '../i18n/i18n';

export function HealthStatus({ info }: { info: AppInfo }) {
  const { t } = useI18n();
  const { secrets, recovery } = info;
  return (
    <>
      {secrets.state !== 'ok' && (
        <span className="statusbar__item" data-testid="secrets-status" data-state={secrets.state} title={t(secrets.state === 'damaged' ? 'health.secrets.damagedHelp' : 'health.secrets.missingHelp')}>
          <span className="dot dot--down" aria-hidden="true" />
          {t('health.secrets')}: {t(secrets.state === 'damaged' ? 'health.secrets.damaged' : 'health.secrets.missing')}
        </span>
      )}
      {recovery.checking.length > 0 && (
        <span className="statusbar__item" data-testid="recovery-status" title={t('health.recoveryHelp')}>
          <span className="dot dot--unknown" aria-hidden="true" />
          {t('health.recovery', { count: recovery.checking.length })}
        </span>
      )}
    </>
  );
}
