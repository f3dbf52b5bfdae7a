/** 가맹점 키 in 진단: whether the merchant key file was read (damaged / missing is shown with what to do). */
import { useEffect, useState } from 'react';
import type { SecretsHealth } from '../../../../shared/contract-health';
import { pos } from '../../api/pos';
import { useI18n } from '../../i18n/i18n';
import { DiagCard } from './DiagCard';

export function SecretsHealthCard() {
  const { t } = useI18n();
  const [health, setHealth] = useState<SecretsHealth | null>(null);
  useEffect(() => {
    let alive = true;
    pos.getCredentialsStatus({}).then(
      (s) => alive && setHealth(s.health),
      () => alive && setHealth(null),
    );
    return () => {
      alive = false;
    };
  }, []);
  const state = health === null ? 'idle' : health.state === 'ok' ? 'ok' : 'bad';
  const badge = health === null ? t('diag.notRun') : t(`health.secrets.${health.state}`);
  const help = health === null ? '' : t(health.state === 'ok' ? 'health.secrets.okHelp' : health.state === 'damaged' ? 'health.secrets.damagedHelp' : 'health.secrets.missingHelp');
  return (
    <DiagCard title={t('health.secrets')} testId="diag-secrets" state={state} badge={badge}>
      {help && (
        <p className={health?.state === 'ok' ? 'muted' : 'error-text'} data-testid="diag-secrets-help">
          {help}
        </p>
      )}
      {health?.detail && <p className="muted">{health.detail}</p>}
    </DiagCard>
  );
}
