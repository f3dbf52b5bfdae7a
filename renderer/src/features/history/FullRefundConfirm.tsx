/** The second question before a full refund: the whole amount, once more; Enter cancels it, Esc goes back. */
import type { Payment } from '../../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/i18n';

interface FullRefundConfirmProps {
  payment: Payment;
  onConfirm: () => void;
  onBack: () => void;
}

export function FullRefundConfirm({ payment, onConfirm, onBack }: FullRefundConfirmProps) {
  const { t, krw } = useI18n();
  return (
    <Dialog key="confirm" title={t('history.refund.fullTitle')} testId="refund-dialog" onClose={onBack} className="refund-dialog">
      <div className="refund-full" data-testid="refund-full-confirm" role="alertdialog" aria-live="assertive">
        <p className="refund-full__question">{t('history.refund.fullQuestion')}</p>
        <p className="refund-full__amount num" data-testid="refund-full-amount">
          {krw(payment.refundableAmount)}
        </p>
        <p className="muted">{t('history.refund.fullHint', { order: payment.orderId })}</p>
      </div>
      <div className="dialog__actions">
        <button type="button" className="btn btn--warn btn--big" data-testid="refund-full-yes" data-autofocus onClick={onConfirm}>
          {t('history.refund.fullYes')}
        </button>
        <button type="button" className="btn btn--secondary" data-testid="refund-full-back" onClick={onBack}>
          {t('history.refund.fullBack')}
        </button>
      </div>
    </Dialog>
  );
}
