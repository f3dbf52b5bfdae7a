/** 일마감 확인: the day's net and its warnings; Enter closes the day (acknowledging the warnings), Esc goes back. */
import { useState } from 'react';
import type { Settlement } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/domain/errors';
import { pos } from '../../api/pos';
import { Dialog } from '../../components/Dialog';
import { ErrorText } from '../../components/ErrorText';
import { useI18n } from '../../i18n/i18n';
import { errorCodeOf } from '../../lib/errors';
import { SettlementWarnings, warningCount } from './SettlementWarnings';

interface CloseDayDialogProps {
  settlement: Settlement;
  onClosed: (s: Settlement) => void;
  onCancel: () => void;
}

export function CloseDayDialog({ settlement, onClosed, onCancel }: CloseDayDialogProps) {
  const { t, krw } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const r = settlement.report;
  const warnings = warningCount(r);
  const close = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onClosed(await pos.closeDay({ day: r.day, acknowledgeWarnings: warnings > 0 }));
    } catch (e) {
      setError(errorCodeOf(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('settlement.close.title', { day: r.day })} testId="close-day-dialog" onClose={busy ? undefined : onCancel} className="close-day-dialog">
      <p className="close-day-dialog__net">
        {t('settlement.net')} <strong className="num">{krw(r.net.amount)}</strong>
      </p>
      <p className="muted">{t('settlement.close.explain')}</p>
      <SettlementWarnings report={r} frozen={false} />
      {r.headOfficeUnsent ? <p className="error-text" data-testid="close-day-unsent">{t('settlement.unsent', { n: r.headOfficeUnsent })}</p> : null}
      <ErrorText code={error} testId="close-day-error" />
      <div className="dialog__actions">
        <button type="button" className={`btn btn--big ${warnings > 0 ? 'btn--warn' : 'btn--primary'}`} data-testid="close-day-confirm" data-autofocus disabled={busy} onClick={() => void close()}>
          {busy ? t('settlement.close.busy') : t(warnings > 0 ? 'settlement.close.confirmWarnings' : 'settlement.close.confirm')}
        </button>
        <button type="button" className="btn btn--secondary" data-testid="close-day-cancel" disabled={busy} onClick={onCancel}>
          {t('settlement.close.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
