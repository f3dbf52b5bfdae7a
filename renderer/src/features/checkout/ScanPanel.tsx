/** The QR field: a keyboard-wedge scanner (or typing / paste) fills it, Enter pays. */
import type { ErrorCode } from '../../../../shared/domain/errors';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import type { useWedgeInput } from '../scan/useWedgeInput';

interface ScanPanelProps {
  wedge: ReturnType<typeof useWedgeInput>;
  paying: boolean;
  error: ErrorCode | null;
  onPay: () => void;
}

export function ScanPanel({ wedge, paying, error, onPay }: ScanPanelProps) {
  const { t } = useI18n();
  return (
    <section className="scan">
      <label className="scan__label" htmlFor="scan-input">
        {t('scan.label')} <span className="scan__key">F2</span>
      </label>
      <div className="scan__row">
        <input id="scan-input" className="scan__input" data-testid="scan-input" placeholder={t('scan.placeholder')} disabled={paying} aria-describedby={error ? 'checkout-error' : undefined} {...wedge.inputProps} />
        <button type="button" className="btn btn--primary scan__pay" data-testid="pay-button" disabled={paying} onClick={onPay}>
          {paying ? t('checkout.paying') : t('scan.pay')}
        </button>
      </div>
      <div id="checkout-error">
        <ErrorText code={error} testId="checkout-error" className="error-text--big" />
      </div>
    </section>
  );
}
