/** Developer aid with the embedded simulator: issue the demo customer's one-time QR to paste or scan. */
import { useState } from 'react';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { formatSeoulDateTime } from '../../../../shared/domain/time';
import { pos } from '../../api/pos';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';

interface DemoQr {
  qrText: string;
  expiresAt: string;
  walletUrl: string;
}

export function DemoQrPanel({ onUse, disabled }: { onUse: (qrText: string) => void; disabled: boolean }) {
  const { t } = useI18n();
  const [qr, setQr] = useState<DemoQr | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      setQr(await pos.issueDemoQr({}));
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="demo" data-testid="demo-qr" aria-label={t('demo.title')}>
      <div className="demo__body">
        <span className="demo__title">{t('demo.title')}</span>
        <button type="button" className="btn btn--small" data-testid="demo-qr-issue" disabled={busy} onClick={() => void issue()}>
          {busy ? t('demo.issuing') : t('demo.issue')}
        </button>
        {qr && (
          <dl className="demo__out">
            <dt>{t('demo.qr')}</dt>
            <dd>
              <code className="demo__qr" data-testid="demo-qr-text">
                {qr.qrText}
              </code>{' '}
              <button type="button" className="btn btn--small" data-testid="demo-qr-use" disabled={disabled} onClick={() => onUse(qr.qrText)}>
                {t('demo.useInScan')}
              </button>
            </dd>
            <dt>{t('demo.expires')}</dt>
            <dd>{formatSeoulDateTime(qr.expiresAt)}</dd>
            <dt>{t('demo.wallet')}</dt>
            <dd>
              <code data-testid="demo-wallet-url">{qr.walletUrl}</code>
            </dd>
          </dl>
        )}
        <ErrorText code={error} testId="demo-qr-error" />
      </div>
    </section>
  );
}
