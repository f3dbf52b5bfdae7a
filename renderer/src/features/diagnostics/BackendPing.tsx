/** 결제 서버 in 진단: pings the saved backend (once on opening, then on demand) and shows the latency. */
import { useEffect } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ConnectionTestResult, useBackendTest } from '../settings/ConnectionTest';
import { DiagCard } from './DiagCard';

export function BackendPing() {
  const { t } = useI18n();
  const test = useBackendTest();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one ping when the screen opens
  useEffect(() => void test.run(), []);
  const r = test.result;
  const state = test.busy ? 'busy' : r ? (r.ok ? 'ok' : 'bad') : 'idle';
  const badge = test.busy ? t('diag.testing') : r ? (r.ok ? t('diag.backend.ms', { ms: (r.latencyMs ?? 0).toLocaleString('en-US') }) : t('diag.bad')) : t('diag.notRun');
  return (
    <DiagCard title={t('diag.backend')} testId="diag-backend" state={state} badge={badge}>
      {r && <ConnectionTestResult result={r} testId="diag-backend-result" />}
      <div className="diag__actions">
        <button type="button" className="btn btn--secondary" data-testid="diag-backend-ping" disabled={test.busy} onClick={() => void test.run()}>
          {test.busy ? t('settings.backend.testing') : t('diag.backend.ping')}
        </button>
      </div>
    </DiagCard>
  );
}
